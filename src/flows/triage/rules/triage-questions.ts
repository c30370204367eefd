// Reviewed follow-up questions: each is asked only when its answer could change the urgency
// (simulated over the triage rules) and the message has not already answered it. A "yes" adds the
// listed findings; `inverse` questions ask about something reassuring, so "no" adds them. "Not sure"
// adds nothing: the decision stays with what the patient did say. Asked in this order.

export type TriageQuestion = {
  /** Phrase key `triage.question.<id>` in the vetted corpus. */
  id: string
  /** Asked only when one of these is among the current findings. */
  about: string[]
  /** Findings a confirming answer adds. */
  adds: string[]
  inverse?: boolean
  /** Only for a child patient. */
  child?: boolean
  /** Findings that mean the message already answered it (the reassurance an inverse question asks about). */
  answeredBy?: string[]
}

export const TRIAGE_QUESTIONS: TriageQuestion[] = [
  { id: 'chest_sweating', about: ['chest_pain'], adds: ['sweating'] },
  { id: 'chest_breathless', about: ['chest_pain', 'palpitations'], adds: ['breathless'] },
  { id: 'child_drinking_wetting', about: ['vomiting', 'diarrhoea', 'fever'], adds: ['no_urine'], inverse: true, child: true, answeredBy: ['fluids_ok'] },
  { id: 'headache_sudden', about: ['headache'], adds: ['thunderclap_headache'] },
  { id: 'headache_fever_neck', about: ['headache', 'fever'], adds: ['stiff_neck', 'headache'] }
]
