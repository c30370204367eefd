// Phrases that only make sense as a step of a flow (a question it asks, a notice it gives) are
// never picked as the answer to a free question, even when retrieval ranks them first; nor are
// phrases that need a patient's own data (a balance, a review date) to have no hole.
const FLOW_STEP_PHRASE = /(^|\.)(ask_[a-z_]+|which_[a-z_]+|question\.[a-z_]+|reminder_(offer|ask_time|set|stopped|message)|cost_estimate|cost_inputs_used|outstanding_balance|followup_chronic)$|^(handoff|safety|disclaimer|appointment)\./

export function isStandaloneAnswer (group: string | null | undefined): boolean {
  return !group || !FLOW_STEP_PHRASE.test(group)
}
