// Reviewed ConText trigger data (after Harkema et al. 2009, as in medspaCy's default rules), in
// our own lay wording for chat messages. Each list is a set of regular-expression alternatives over
// normalised text; English triggers match on word boundaries, Chinese on segmenter tokens.

/** A negation cue before a finding, reaching over fillers and a list ("no fever, cough or rash"). */
export const NEGATION_BEFORE = {
  en: ['no', 'not', 'without', 'denies', 'denied', 'never', 'nor', 'neither', 'negative for', 'free of', 'none of', 'dont', 'doesnt', 'didnt', 'havent', 'hasnt', 'hadnt', 'isnt', 'arent', 'wasnt', 'werent', 'no sign of', 'no signs of', 'ruled out', 'nothing like', 'cant see any', 'no obvious'],
  zh: ['没有', '没', '无', '否认', '未', '并无', '从未', '不是', '不', '也不', '也没', '也没有', '既没有']
}

/** A negation after the finding ("fever: none", "lips are fine", "发烧没有", "嘴唇颜色正常"). */
export const NEGATION_AFTER = {
  en: ['(?:is|are|was|were|looks?|seems?) (?:fine|normal|ok|okay|alright|pink|clear)', 'normal', 'none', 'no', 'gone now', 'has gone', 'have gone'],
  zh: ['没有', '正常', '都没有', '也没有', '没', '不明显', '不快', '不急', '不费劲', '平稳', '顺畅']
}

/** Words that carry the negation no further within a clause ("no fever but chest pain"). */
export const NEGATION_STOP = {
  en: ['but', 'however', 'although', 'though', 'apart from', 'except', 'yet', 'and (?:now|then|has|have|had|is|was|she|he|i|it|my|his|her)', 'which', 'who', 'because'],
  zh: ['但', '但是', '可是', '不过', '而且', '就是', '只是', '然后', '现在', '还', '又']
}

/** Past and long-standing: a known diagnosis, years ago, as a child, a history of. */
export const HISTORICAL = {
  en: ['history of', 'hx of', 'as a (?:kid|child|baby|teenager)', 'when (?:i|he|she) was (?:a )?(?:kid|child|little|younger|young|baby)', '(?:years|yrs|months) ago', '(?:[3-9]|\\d\\d|three|four|five|six|seven|eight|several|many) weeks ago', '(?<!(?:over|in|during|for|through|across) (?:the )?)last (?:year|summer|winter|spring|autumn)', 'in the past', 'previously', 'used to (?:have|get|suffer)', 'had (?:it|one|them) before', 'diagnosed (?:with|as having)? ?(?:\\w+ ){0,3}(?:years|months) ago', 'for (?:years|ages|a long time|\\d+ years)', 'known (?:to have )?', 'long ?standing', 'all (?:my|his|her) life', 'since (?:childhood|birth|i was|he was|she was)', 'back in', 'once before', 'after (?:my|his|her|their) (?:stroke|heart attack|operation|surgery)', 'last (?:month|time)', 'one time', 'in (?:19|20)\\d\\d'],
  zh: ['以前', '之前', '曾经', '年前', '(?:个)?多?月前', '(?:[三四五六七八九十]|[3-9]|\\d\\d|几|好几)(?:个)?(?:周|星期)前', '去年', '前年', '小时候', '既往', '病史', '从小', '有过', '那次', '有一次', '上个月', '上次']
}

/** Recently and now stopped: still counts for presentations whose advice covers a passed episode. */
export const RESOLVED = {
  en: ['(?:now|since) (?:fine|ok|okay|better|normal|settled|gone)', '(?:then|and) (?:it )?(?:passes|goes away|stops|settles|eases(?: off)?)', 'it (?:passes|settles|eases off|stops) (?:after|within|in)', '(?:then|and) (?:it )?(?:passed|went away|stopped|settled|eased|calmed down|wore off|subsided)', 'it (?:passed|settled|eased off|stopped|calmed down|wore off|subsided)', 'feel fine now', 'fine now', 'better now', 'back to normal', 'has (?:passed|settled|gone|stopped)', 'went away', 'settled (?:down )?(?:after|with|now)', 'lasted (?:(?:a few|about|only|around|maybe|roughly|\\d+) ){1,2}(?:minutes|mins|seconds|secs)', '(?:then|and) (?:it )?just (?:passed|went away|stopped|settled|eased)', 'came back (?:to normal|round)', 'stopped after'],
  zh: ['现在好了', '已经好了', '过去了', '完全正常', '恢复正常', '缓过来', '恢复了', '过一会(?:儿)?(?:又|就)?好了', '好了', '没事了', '自己好了', '停了', '平复']
}

/** Asked about or imagined: not present now. */
export const HYPOTHETICAL = {
  en: ['if', 'in case', 'what if', 'should (?:i|we) (?:watch|look) (?:out )?for', 'watch (?:out )?for', 'look out for', 'signs of', 'how do (?:i|we|you) (?:know|tell)', 'what (?:are|is) the (?:signs|symptoms)', 'could (?:it|this|that) be', 'is (?:it|this|that) (?:a|an)?', 'might (?:be|get)', 'worried (?:it|he|she|they) (?:might|will|could)', 'would', 'risk of', 'prevent', 'avoid', 'scared (?:of|it)', 'afraid (?:of|it)', '(?:thinking|thought|think|thinks) (?:it|he|she|this|that|i|we) (?:was|were|is|had|has|might be|could be|would be)(?: having| getting)?(?: (?:a|an|the|another))?(?= ?$)', 'worried (?:it|that|this) (?:is|was|might be|could be)(?: (?:a|an|the))?(?= ?$)'],
  zh: ['如果', '万一', '要是', '会不会', '是不是', '怎么知道', '以为(?:是|自己|他|她|我|得了|犯了|要|又)?$', '预防', '担心会', '怕会', '有没有可能', '有可能', '可能会', '假如', '容易', '会出现', '症状是什么', '有哪些症状', '^(?:请问)?(?:是|算是)$', '^(?:请问)?(?:这|那)(?:个)?(?:算|是|算是)(?:不是)?\\S{0,4}$']
}

/** Another person than the patient, within the clause: the finding is theirs (e.g. family history). */
export const OTHER_PERSON = {
  en: ['(?<!\\b(?:son|daughter|boy|girl|kid|child|toddler|baby|grandson|granddaughter|he|she|i|me)[^a-z]{1,6}and )(?:my|his|her|their|our) (?:brother|sister|sibling|cousin|friend|neighbour|neighbor|colleague|flatmate|roommate|classmate|grandad|grandpa|grandma|nan|granny|uncle|aunt|aunty|auntie)s?(?! (?:dog|cat|house|garden|place|car|toy|toys|tablets|pills|medicine|said|says|thinks|told|wedding|party|birthday|funeral|christening|graduation|barbecue|bbq))', 'runs in the family', 'family history', 'someone (?:at|in) (?:work|school|nursery)', '(?:other )?kids at (?:school|nursery)', 'everyone (?:at|in)'],
  zh: ['(?:哥哥|姐姐|弟弟|妹妹|表哥|表姐|堂哥|同事|同学|邻居|朋友|室友|他哥|她姐)(?!的|家|玩具|给|说|让|带|发现|陪)', '家族', '家里人(?:也)?有', '遗传', '别人家']
}

/** Comes and goes over weeks or months: a pattern to book for, not an acute episode. */
export const RECURRENT = {
  en: ['(?:for|over) (?:the )?(?:last|past) (?:few|couple of|\\d+|two|three|several) months', 'often', 'always', 'on and off(?! for (?:a |one |two |three |four |\\d+ |a couple of |a few )?(?:days?|hours?))', 'comes and goes', 'coming and going', 'off and on', 'every (?:day|night|week|morning|few days|couple of days)', 'most (?:days|weeks|months)', '(?:third|fourth|fifth|sixth|3rd|4th|5th|6th) time (?:since|in|this)', 'from time to time', 'keeps? (?:coming back|happening)', 'for (?:weeks|months|years)', 'times a (?:week|month|day)', '(?:several|a few|many|\\d+|two|three|four|five|six) times (?:this|a|in the|over the|per|last) (?:week|month|year|few weeks|past)', 'every (?:couple of|few) (?:days|weeks)', 'again and again', 'sometimes', 'occasionally', 'every so often', 'keeps? (?:getting|having)', '(?:third|fourth|fifth|3rd|4th|5th|another) (?:bout|episode|attack|infection|time this (?:year|month))', '(?:several|a few|many|\\d+) (?:bouts|episodes|attacks|hypos)', '(?:dizzy|fainting|funny|coughing|shaking) spells', 'now and (?:then|again)', 'on occasion'],
  zh: ['时好时坏', '断断续续', '第(?:三|四|五|六|3|4|5|6)次', '又(?:一次)?(?:犯|复发)了', '这(?:两三|几|一两|两|三)个(?:多)?月', '最近(?:两三|几|一两)个(?:多)?月', '经常', '总是', '老是', '时不时', '反复', '每天', '每次(?!(?:就|只|都只|才)(?:有|尿|解|出)?(?:一点|几滴|一丁点))', '常常', '动不动', '隔三差五', '有时', '(?:这个|这|本|上个|一个)月.{0,4}(?:好几|几|[两三四五六七八九十]{1,2})次', '(?:一|每)(?:周|个?星期|个?月)(?:有|要|来|都)?(?:好几|几|[两三四五六七八九十]{1,2})次', '老毛病', '隔(?:一|两|三|几)天(?:就)?', '(?:每|这|一个?|两个?|这两个?)(?:周|个?星期|个?礼拜)(?:[^，。,.\\s]{0,6})(?:好几|几|[两三四五六七八九十]{1,3})次']
}
