// Reviewed background cues: long-standing conditions and medicines that move thresholds
// (red_flags.md notes: pregnancy, diabetes, immunosuppression, blood thinners, old age).

export const PREGNANT = /(?<![a-z])(?:(?<!(?:like|as if|as though) (?:i|im|i am|i was|she|shes|she is|she was|ive been|i ve been) (?:\w+ )?)pregnan\w*(?! tests?)|expecting(?! (?:a call|results|it))|\d+ ?(?:\+\d )?weeks? (?:along|gone)|my bump|midwife|positive (?:pregnancy|preg|home pregnancy) tests?|(?:pregnancy|preg) tests? (?:was |is |came back |came up )?positive|(?:\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve) weeks? since (?:my|her) (?:last )?period|\d{1,2} ?(?:weeks?|wks?) (?:with|into) (?:my|our|her|this|the) (?:first|second|third|fourth|1st|2nd|3rd|4th|baby|pregnancy|twins|bump|little one|rainbow)|(?:wife|partner|girlfriend|fiancee|i|im|she|shes) (?:is |am )?(?:about |around |nearly |only |just )?\d{1,2} ?(?:\+\d )?(?:weeks?|wks?)(?! old| ago| postpartum| since| after))(?![a-z])|怀孕|孕\d|孕[一二三四五六七八九十]|孕期|孕妇|孕早期|孕中期|孕晚期|怀了(?:宝宝|孩子|二胎)?|产检|胎动|停经|验孕棒(?:两道杠|两条杠|阳性)|两道杠|两条杠|验孕(?:\S{0,3})阳性|测出(?:来)?怀孕|怀上了/u
export const NOT_PREGNANT = /(?<![a-z])(?:pregnancy tests? (?:\w+ ){0,5}(?:negative|not pregnant)|not pregnant|no chance (?:im|i am|of being) pregnant|cant be pregnant|negative (?:pregnancy )?test|not expecting)(?![a-z])|(?<!以前|之前)没(?:有)?怀孕(?!的时候)|不可能怀孕|没怀上|验孕(?:棒)?(?:是)?阴性/u

export const CONDITION_CUES: Record<string, RegExp> = {
  diabetes: /(?<![a-z])(?:diabet\w*|type (?:1|one|2|two)|t1d?|t2d?|insulin|metformin)(?![a-z])|糖尿病|胰岛素|二甲双胍/u,
  asthma: /(?<![a-z])(?:asthma\w*|inhaler)(?![a-z])|哮喘/u,
  copd: /(?<![a-z])(?:copd|emphysema)(?![a-z])|慢阻肺|肺气肿/u,
  heart_disease: /(?<![a-z])(?:heart (?:failure|disease|condition|problems?)|stents?|bypass|angina|(?:heart )?valve (?:repair|replacement|surgery|disease|problems?)|pacemaker)(?![a-z])|心脏病|冠心病|心衰|支架|(?:心脏)?瓣膜(?:置换|修复|手术|病)|起搏器/u,
  epilepsy: /(?<![a-z])(?:epilep\w*)(?![a-z])|癫痫/u,
  immunosuppressed: /(?<![a-z])(?:chemo\w*|methotrexate|immunosuppress\w*|transplant|on steroids|biologics?|capecitabine|cyclophosphamide|azathioprine|mycophenolate|tacrolimus|ciclosporin|cyclosporine|leflunomide|cancer treatment|(?:treatment|tablets|cycle \d+) for (?:my |his |her )?(?:\w+ )?cancer|mercaptopurine|infliximab|adalimumab)(?![a-z])|化疗|免疫抑制|移植|卡培他滨|环磷酰胺|硫唑嘌呤|来氟米特|靶向药|巯嘌呤|吗替麦考酚酯|他克莫司|环孢素|甲氨蝶呤/u,
  hypertension: /(?<![a-z])(?:high blood pressure|hypertension|bp meds)(?![a-z])|高血压/u,
  kidney_disease: /(?<![a-z])(?:kidney (?:disease|failure)|dialysis|ckd)(?![a-z])|肾病|透析|肾衰/u
}

export const MEDICINE_CUES: Record<string, RegExp> = {
  chemotherapy: /(?<![a-z])(?:chemo\w*|capecitabine|cyclophosphamide|cancer treatment|(?:treatment|tablets|cycle \d+) for (?:my |his |her )?(?:\w+ )?cancer)(?![a-z])|化疗|卡培他滨|环磷酰胺|靶向药/u,
  anticoagulant: /(?<![a-z])(?:warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|clopidogrel|blood thinners?|anticoagula\w*|eliquis|xarelto)(?![a-z])|(?<!(?:不|没|没有|没在|从不|从没|未)(?:吃|用|服|服用|打)[^,，。\s]{0,10})(?:华法(?:林|令)|利伐沙班|阿哌沙班|达比加群|氯吡格雷|抗凝)/u,
  immunosuppressant: /(?<![a-z])(?:chemo\w*|methotrexate|immunosuppress\w*|prednisolone|steroids|capecitabine|cyclophosphamide|azathioprine|mycophenolate|tacrolimus|ciclosporin|cyclosporine|leflunomide|mercaptopurine|infliximab|adalimumab)(?![a-z])|化疗|免疫抑制剂|(?:吃|用|打|服)(?:\S{0,2})激素|激素(?:药|治疗)|他克莫司|吗替麦考酚酯|环孢素|甲氨蝶呤|卡培他滨|环磷酰胺|硫唑嘌呤|来氟米特|巯嘌呤/u,
  opioid: /(?<![a-z])(?:codeine|co ?codamol|dihydrocodeine|tramadol|morphine|oxycodone|zapain|solpadol|tapentadol|buprenorphine|fentanyl)(?![a-z])|可待因|曲马多|吗啡|羟考酮/u,
  insulin: /(?<![a-z])(?:insulin|type (?:1|one)(?! (?:of|hour|minute))|t1d?)(?![a-z])|胰岛素|1型糖尿病/u
}
