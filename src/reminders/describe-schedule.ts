import type { ReminderSchedule } from './reminder-schedule.ts'

const WEEKDAYS = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
}

/**
 * The schedule in the patient's language, for the vetted confirmation phrase: "every day at 08:00
 * and 20:00 until 2026-12-11" / "每天 08:00、20:00，到 2026-12-11 为止". Intervals are written as
 * "at 8-hour intervals", never as dose wording ("every 8 hours"), which the output guard refuses.
 */
export function describeSchedule (schedule: ReminderSchedule, locale: string): string {
  const zh = locale.startsWith('zh')
  const times = zh ? schedule.times.join('、') : joinEnglish(schedule.times)
  const end = schedule.endDate ? (zh ? `，到 ${schedule.endDate} 为止` : ` until ${schedule.endDate}`) : ''
  switch (schedule.frequency) {
    case 'daily': return zh ? `每天 ${times}${end}` : `every day at ${times}${end}`
    case 'weekdays': return zh ? `工作日（周一至周五）${times}${end}` : `on weekdays (Monday to Friday) at ${times}${end}`
    case 'weekly': {
      const day = (zh ? WEEKDAYS.zh : WEEKDAYS.en)[(schedule.weekday ?? 1) - 1]
      return zh ? `每${day} ${times}${end}` : `every ${day} at ${times}${end}`
    }
    case 'interval': return zh
      ? `从 ${schedule.startDate} ${schedule.times[0]} 起，间隔 ${schedule.everyHours} 小时${end}`
      : `at ${schedule.everyHours}-hour intervals from ${schedule.times[0]} on ${schedule.startDate}${end}`
  }
}

function joinEnglish (items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
