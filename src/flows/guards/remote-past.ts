// "My mum had a stroke three years ago" is history, not an emergency; "had a stroke last year
// and now her face is drooping" is both, so a present-time marker cancels the past one.
const REMOTE_PAST = /(?:(?<![a-z])(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|many|some) (?:years?|yrs?|months|decades?) ago|(?<![a-z])(?:last|the other) year|(?<![a-z])as a (?:child|kid|baby|teenager)|(?<![a-z])in (?:19|20)\d\d|(?<![a-z])history of|(?<![a-z])years back|(?<![a-z])when i was (?:a |younger|little|young)|(?:\d+|[一二两三四五六七八九十几多]+)年前|去年|前年|以前|之前得过|曾经|既往|病史|小时候|(?:得|患|发作|犯)过)/u
const PRESENT = /(?:(?<![a-z])(?:now|today|tonight|again|currently|at the moment|this morning|this evening|this afternoon|suddenly|started|happening|right now)(?![a-z])|现在|今天|刚才|刚刚|又|突然|正在|马上|目前|此刻|这次)/u

/** True when a segment speaks of a past episode and not of the present. */
export function isRemotePast (segment: string): boolean {
  return REMOTE_PAST.test(segment) && !PRESENT.test(segment)
}
