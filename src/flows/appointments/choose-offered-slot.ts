export type OfferedSlot = { id: string, start: string, label: string }

/** Which offered slot the patient picked: "2", "the second", "第二个", "9:30", or the button label. */
export function chooseOfferedSlot (text: string, offered: OfferedSlot[]): OfferedSlot | null {
  const trimmed = text.trim().replace(/[\s,，.。!！]*(please|pls|thanks|thank you|谢谢|吧)[.!。！]*$/i, '').trim()
  const byLabel = offered.find((slot) => slot.label === trimmed)
  if (byLabel) return byLabel
  const ordinal = ordinalIndex(trimmed)
  if (ordinal !== null && offered[ordinal]) return offered[ordinal]
  const time = /(\d{1,2})(?:[:：点](\d{2}|半)?|\s*(?=[ap]\.?m\b))/i.exec(trimmed)
  if (!time) return null
  const afternoon = /下午|晚上|pm|p\.m\./i.test(trimmed) && Number(time[1]) < 12
  const hour = String(Number(time[1]) + (afternoon ? 12 : 0)).padStart(2, '0')
  const minute = time[2] === '半' ? '30' : (time[2] ?? '00')
  return offered.find((slot) => slot.start.slice(11, 16) === `${hour}:${minute}`) ?? null
}

const ORDINALS: Array<[RegExp, number]> = [
  [/^(?:(?:the )?(?:1|one|1st|first)(?: one| option| time)?|第?[1一]个?(?:吧|时间)?)[.!。]?$/i, 0],
  [/^(?:(?:the )?(?:2|two|2nd|second)(?: one| option| time)?|第?[2二]个?(?:吧|时间)?)[.!。]?$/i, 1],
  [/^(?:(?:the )?(?:3|three|3rd|third|last)(?: one| option| time)?|第?[3三]个?(?:吧|时间)?|最后一个)[.!。]?$/i, 2]
]

function ordinalIndex (text: string): number | null {
  for (const [pattern, index] of ORDINALS) if (pattern.test(text)) return index
  return null
}
