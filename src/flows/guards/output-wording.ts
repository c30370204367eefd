// Wording a bot reply must never contain, over normalised text (lower case, apostrophes
// removed, simplified Chinese). Vetted phrases are written to avoid these; a hit means an
// unvetted or badly filled reply, and the engine swaps it for the safe fallback.

// A refusal names what the bot cannot do: "I cannot tell you whether you have X", "我无法判断您得了什么病".
// Wording right after such a refusal is not a diagnosis. The lookbehind ends where the match starts.
const EN_REFUSAL = '(?<!(?:cannot|cant|can not|unable to|not able to|wont|will not|dont|do not|not) (?:tell|say|confirm|know|diagnose|judge|determine|decide|work out)(?: (?:you|for sure|yet))?(?: (?:whether|if|that|what))? )'
const ZH_REFUSAL = '(?<!(?:不能|无法|没法|没办法|不可以|不会|不便|难以|不好|不能够)(?:为|帮|替|给|对)?(?:您|你)?(?:判断|诊断|确定|确认|告诉|说|判定|断定|知道|回答|评估|下结论)(?:出)?)'
const CONDITION = '(?:[a-z]+itis|[a-z]+osis|[a-z]+oma|cancer|tumou?r|diabetes|diabetic|covid|flu|influenza|pneumonia|infection|disease|disorder|syndrome|depression|anxiety disorder|migraine|asthma|hypertension|high blood pressure|an? (?:heart attack|stroke|ulcer|fracture|virus|allergy|hernia|cyst)|strep|shingles|measles|gout|anaemia|anemia|sepsis|a uti|uti)\\b'

export const DIAGNOSIS_WORDING: readonly RegExp[] = [
  // "Do you have the flu?" and "if you have diabetes, bring..." ask or condition; they do not diagnose.
  new RegExp(`(?<![a-z])(?<!(?:do|did|if|when|whether|whenever|in case|unless|as long as|think|feel like) )${EN_REFUSAL}you(?:ve| have)? (?:have|got|may have|might have|probably have|likely have|could have|definitely have|are suffering from|re suffering from|suffer from|have been diagnosed with|are diagnosed with) (?:a |an )?(?:[a-z]+ ){0,2}${CONDITION}`, 'u'),
  /(?<![a-z])youre suffering from/u,
  new RegExp(`(?<![a-z])(?:it|this|that)(?: is|s)? (?:sounds like|looks like|seems like|is probably|is likely|is definitely|is clearly|is consistent with|means) (?:a |an )?(?:[a-z]+ ){0,2}${CONDITION}`, 'u'),
  /(?<![a-z])(?:my|the|your) diagnosis (?:is|would be)/u,
  /(?<![a-z])i (?:diagnose|think you have|believe you have|am sure you have)/u,
  // "您得了什么病" asks, it does not name a condition.
  new RegExp(`${ZH_REFUSAL}(?:您|你)(?:可能|应该|大概|肯定|是|已经|很可能)?(?:得了|患了|患有|染上了?)(?!什么|哪|啥)`, 'u'),
  new RegExp(`${ZH_REFUSAL}(?:您|你)(?:这|这个)?(?:是|属于|可能是|应该是|大概是)(?!不是|否)[^,。]{0,6}(?:病|癌|炎|症|感染|综合征|中风|梗)`, 'u'),
  /(?<!不能|无法|没法|不可能|不会)诊断为/u,
  /(?<!不能|无法|不可|需要|需|请|以便|由医生|才能)确诊/u
]

export const DOSAGE_WORDING: readonly RegExp[] = [
  /(?<![a-z0-9])\d+(?:\.\d+)? ?(?:mg|mcg|µg|μg|g|ml|milligrams?|micrograms?|millilitres?|milliliters?|tablets?|pills?|capsules?|caps|drops|puffs|units|iu|tsp|teaspoons?|tablespoons?|sachets?)(?![a-z])/u,
  /(?<![a-z])(?:take|give|use|have) (?:one|two|three|four|half|a|an) (?:tablets?|pills?|capsules?|puffs?|teaspoons?|sachets?|spoonfuls?)(?![a-z])/u,
  /(?<![a-z])(?:once|twice|three times|four times|\d+ times) (?:a|per|every|each) (?:day|daily|night)(?![a-z])/u,
  /(?<![a-z])every \d+(?: to \d+)? hours(?![a-z])/u,
  /(?<![a-z])mg ?\/ ?kg(?![a-z])/u,
  /\d+(?:\.\d+)?(?:毫克|毫升|片|粒|颗|袋|支|滴|克|微克|单位|包)/u,
  /(?:吃|服|用|喝|含)[一二两三四五六七八九十半]+(?:片|粒|颗|袋|毫升|毫克|包|滴|支)/u,
  /(?:每日|每天|一日|一天|日)[一二两三四\d]次/u,
  /每(?:隔)?[\d一二两三四五六八]+个?小时(?:一次|服|吃|用)/u
]
