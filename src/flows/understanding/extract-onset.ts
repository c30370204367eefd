import type { Onset } from './understanding-types.ts'

const SUDDEN = /突然|忽然|突发|猛然|一下子|骤然|瞬间|\bsudden(ly)?\b|all of a sudden|out of nowhere|\babrupt(ly)?\b|came on (fast|quickly)|like a thunderclap|out of the blue/iu
const GRADUAL = /慢慢|逐渐|逐漸|渐渐|漸漸|越来越|一点一点|\bgradual(ly)?\b|\bslowly\b|over (time|the past|several|a few)|getting worse|worse and worse|creeping/iu

// "not sure if it came on suddenly" / "不清楚是不是突然" is a question, not an answer.
const HEDGED = /(not sure|don'?t know|unsure|no idea|can'?t tell|whether|if)[^.!?,]{0,20}$|(不清楚|不知道|不确定|说不清|是不是|是否|有没有)[^，。！？]{0,4}$/iu

/** Whether a symptom began suddenly or came on gradually; sudden wins when both are said. */
export function extractOnset (text: string): Onset | null {
  const sudden = SUDDEN.exec(text)
  if (sudden !== null && !HEDGED.test(text.slice(0, sudden.index))) return 'sudden'
  if (GRADUAL.test(text)) return 'gradual'
  return null
}
