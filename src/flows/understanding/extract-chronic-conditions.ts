import type { ChronicCondition } from './understanding-types.ts'

const CONDITIONS: Array<[ChronicCondition, RegExp]> = [
  ['diabetes', /糖尿病|血糖高|高血糖|胰岛素|\bdiabet(es|ic)\b|\binsulin\b|\bt[12]dm?\b/iu],
  ['hypertension', /高血压|高血壓|血压高|血壓高|\bhypertension\b|high blood pressure/iu],
  ['asthma', /哮喘|\basthma(tic)?\b/iu],
  ['copd', /慢阻肺|慢性阻塞性肺|肺气肿|\bcopd\b|\bemphysema\b/iu],
  ['heart_disease', /冠心病|心脏病|心臟病|心衰|心力衰竭|支架|搭桥|房颤|\bheart (disease|failure|condition)\b|\bstents?\b|\bbypass\b|\batrial fibrillation\b|\bafib\b/iu],
  ['kidney_disease', /肾病|腎病|肾衰|尿毒症|透析|肾功能不全|\bkidney (disease|failure)\b|\bdialysis\b|\bckd\b/iu],
  ['liver_disease', /乙肝|丙肝|肝硬化|脂肪肝|慢性肝|\bhepatitis\b|\bcirrhosis\b|fatty liver/iu],
  ['cancer', /癌症|肿瘤|化疗|放疗|[肺肝胃乳肠]癌|\bcancer\b|\bchemo(therapy)?\b|\btumou?r\b/iu],
  ['stroke_history', /(以前|曾经|得过|有过|之前)(脑梗|中风|脑卒中)|\b(previous|history of|had a) stroke\b/iu],
  ['epilepsy', /癫痫|羊癫疯|\bepilep(sy|tic)\b/iu],
  ['thyroid_disease', /甲亢|甲减|甲状腺|桥本|\bthyroid\b|\bhashimoto\b/iu],
  ['immunosuppressed', /免疫抑制|器官移植|艾滋|hiv|\bimmunosuppress(ed|ion)\b|\btransplant\b/iu]
]

const NEGATED = /(没有|没|无|不是|否认)$|(no|not|never had|don'?t have)\s*$/iu

/** Long-term conditions the patient mentions (diabetes, hypertension, 高血压, 糖尿病, asthma…). */
export function extractChronicConditions (text: string): ChronicCondition[] {
  const found: ChronicCondition[] = []
  for (const [condition, pattern] of CONDITIONS) {
    const match = pattern.exec(text)
    if (match === null) continue
    const before = text.slice(Math.max(0, match.index - 12), match.index)
    if (!NEGATED.test(before)) found.push(condition)
  }
  return found
}
