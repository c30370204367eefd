const WEEKDAYS = { en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] }

/** "Thu 3 Dec 09:30" / "12月3日 周四 09:30" from an ISO time with the clinic's offset (kept as local). */
export function slotLabel (isoWithOffset: string, locale: string): string {
  const [date = '', rest = ''] = isoWithOffset.split('T')
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  const time = rest.slice(0, 5)
  if (locale === 'zh-CN') return `${month}月${day}日 ${WEEKDAYS.zh[weekday]} ${time}`
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })
  return `${WEEKDAYS.en[weekday]} ${day} ${monthName} ${time}`
}

/** "Thu 3 Dec" / "12月3日 周四": the day part of slotLabel. */
export function dateLabel (isoWithOffset: string, locale: string): string {
  return slotLabel(isoWithOffset, locale).split(' ').slice(0, -1).join(' ')
}
