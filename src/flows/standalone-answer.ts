// Phrases that only make sense as a step of a flow (a question it asks, a notice it gives) are
// never picked as the answer to a free question, even when retrieval ranks them first; nor are
// phrases that need a patient's own data (a balance, a review date) to have no hole.
// A phrase that tells the patient a human was told ("I have passed this to your care team") is
// sent only with a real handoff, never as a retrieved answer.
const FLOW_STEP_PHRASE = /(^|\.)(ask_[a-z_]+|which_[a-z_]+|question\.[a-z_]+|reminder_[a-z_]+|checkin_[a-z_]+|cost_estimate|cost_inputs_used|outstanding_balance|followup_[a-z_]+)$|^(handoff|safety|disclaimer|appointment|triage)\./

export function isStandaloneAnswer (group: string | null | undefined): boolean {
  return !group || !FLOW_STEP_PHRASE.test(group)
}
