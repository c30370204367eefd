import { isNegated } from './negation.ts'
import { splitClauses } from './split-clauses.ts'

// Reviewed data: when thoughts of suicide come with no immediate danger. shared/data/triage/red_flags.md
// separates RF89 (an overdose, serious self-harm, or unable to keep safe: a plan and the means,
// emergency) from RF90 (suicidal thoughts without immediate danger: urgent, the same day; NHS "Help
// for suicidal thoughts"). The crisis reply (crisis lines) is given either way; only the urgency
// reported and the queue priority follow the difference. Words are ours.

/** The writer says there is no plan, no intent or that they will not act. */
const SAFETY_STATED = [
  /\b(?:no|not any|without a|without any) (?:real |actual |specific )?plans?\b/u,
  /\b(?:dont|do not|doesnt|does not|didnt|havent|hasnt) (?:have |got |made )?(?:a |any )?(?:real |actual |specific )?plans?\b/u,
  /\b(?:havent|hasnt|have not|has not) (?:done|tried) anything\b/u,
  /\b(?:not|never) (?:going|gonna) to (?:do|act on|try) (?:anything|it|them)\b/u,
  /\b(?:wouldnt|would not|wont|will not|would never) (?:actually |really |ever )?(?:do|act on|go through with) (?:anything|it|them)\b/u,
  /\b(?:i am|im|i feel|he is|hes|she is|shes) safe\b/u,
  /\b(?:is|are|will be|staying|stays|shes|hes|theyre|theyll be) (?:at home |home |here |staying )?with (?:me|him|her|us) (?:tonight|today|now|this evening)\b/u,
  /没(?:有)?(?:想过)?(?:具体)?(?:的)?(?:计划|打算)/u,
  /没(?:有)?想过(?:具体)?(?:要)?怎么(?:做|弄|死)/u,
  /(?:不会|不敢)(?:真|真的)?(?:去)?(?:做|干|行动|做傻事|伤害自己|自杀)/u,
  /(?:什么|啥)(?:也|都)没(?:准备|做)/u
]

/** A plan, the means at hand, a time, an act begun or a farewell: danger now, whatever else is said. */
const DANGER_NOW = [
  // A time counts when an act is bound to it; "he said tonight on the phone" is not a plan.
  /\b(?:do it|end it|end things|going to|gonna|plan(?:ning)? to|kill (?:myself|himself|herself)|take (?:them|it|all)|jump)\b[^.,]{0,30}\b(?:tonight|right now|this evening|today)\b|\btoday is the day\b|\btonight is the night\b/u,
  /\b(?:have|got|bought|saved|saving|stockpil\w*|collected|hoarded) (?:up )?(?:the |some |enough |all (?:my |the )?)?(?:pills|tablets|meds|rope|razors?|blades?|charcoal)\b/u,
  /\b(?:took|taken|swallowed|cut|jumped)\b/u,
  /\b(?:goodbye|farewell|suicide note|a note)\b/u,
  /\b(?:plan(?:ning)? to|going to|gonna) (?:end|kill|do it)\b/u,
  /\b(?:cant|cannot|can not|unable to) keep (?:myself|himself|herself|themselves) safe\b/u,
  /(?:今晚|今天晚上|现在就|马上就|就今天)(?:就)?(?:[^，。,.\s]{0,4})(?:吃|跳|走|动手|结束|了断|死|割|喝)/u,
  /(?:已经|刚|刚刚)(?:吃|喝|割|买|准备|写)/u,
  /(?:攒了|囤了|买好了|准备好了)/u,
  /(?:遗书|告别|道别|后事)/u,
  /(?:控制不住)/u
]

// The same cues, global, to find every place one stands in a clause (compiled once).
const DANGER_NOW_EVERYWHERE = DANGER_NOW.map((pattern) => new RegExp(pattern.source, 'gu'))

/**
 * True when thoughts of suicide are told with safety stated and no sign of danger now (RF90, not RF89).
 * A danger cue counts unless its own clause denies it: "I'm not going to do anything tonight" and
 * "I'm safe right now" state safety; "no plan, but I've saved up my tablets" does not.
 */
export function isWithoutImmediateDanger (normalizedText: string): boolean {
  if (!SAFETY_STATED.some((pattern) => pattern.test(normalizedText))) return false
  return !splitClauses(normalizedText).some((clause) => !SAFETY_STATED.some((pattern) => pattern.test(clause)) &&
    DANGER_NOW_EVERYWHERE.some((pattern) => [...clause.matchAll(pattern)].some((match) => !isNegated(clause.slice(0, match.index)))))
}
