// Reviewed data: which clinical-finding concepts each keyword emergency rule is about. When the
// finding extractor reads every mention of those concepts as not current (negated, long past,
// hypothetical, or for `passes` rules already over or coming and going for weeks), the keyword match is set aside
// and the decision rests with the finding rules. A keyword rule whose concepts the extractor does not
// find at all keeps its verdict: in doubt, the emergency stands.
/**
 * When a keyword emergency is set aside outright, because the message itself settles it: a stated
 * age or temperature outside the rule's band (the finding rules grade fever by age), or a size
 * given as small without a serious feature (the finding rules grade burns).
 */
export type KeywordSetAside = {
  ageMonthsAtLeast?: number
  temperatureBelow?: number
  /** Hours since the last wee, when the message gives them, below this. */
  hoursWithoutUrineBelow?: number
  concepts?: string[]
  unlessConcepts?: string[]
}

export const KEYWORD_SET_ASIDE: Record<string, KeywordSetAside[]> = {
  // NICE NG143: 38 °C or more under 3 months is red; older infants are graded by the finding rules.
  'emergency.infant_fever': [{ ageMonthsAtLeast: 3 }, { temperatureBelow: 38 }],
  // RF64 / NHS burns: A&E for large, deep, white or charred burns; a small scald is first aid.
  'emergency.large_burn': [{ concepts: ['small_size'], unlessConcepts: ['burn_serious_features'] }],
  // RF16 vs chest ache when coughing with a cold (NHS chest pain): the finding rules still catch its alarms.
  'emergency.chest_pain': [
    { concepts: ['on_coughing', 'cough'], unlessConcepts: ['cardiac_chest_features', 'sweating', 'breathing_severe', 'near_faint', 'loss_of_consciousness', 'palpitations'] },
    // NHS heartburn: a burning chest after eating, eased by antacids; chest tightness is a symptom of an asthma attack (RF19, RF20).
    { concepts: ['heartburn'], unlessConcepts: ['cardiac_chest_features', 'sweating', 'breathing_severe', 'breathless', 'near_faint', 'loss_of_consciousness', 'palpitations', 'vomiting'] },
    { concepts: ['asthma_attack'], unlessConcepts: ['sweating', 'near_faint', 'loss_of_consciousness', 'palpitations', 'vomiting'] }
  ],
  // RF04 vs RF21: more breathless than usual but able to talk in sentences is urgent, not an emergency.
  // RF48 vs RF47: another short fit in the same illness, come round fully, is urgent; the finding
  // rules keep a fit of 5 minutes or more, or one with a sign of not recovering, an emergency.
  'emergency.seizure': [{ concepts: ['repeat_episode', 'came_round'], unlessConcepts: ['unresponsive', 'drowsy_severe', 'breathing_severe', 'cyanosis', 'confusion', 'limb_weakness', 'head_injury', 'stiff_neck', 'non_blanching_rash'] }],
  // RF44 vs RF43: a child dry for 8 to 12 hours and alert is urgent; 12 hours, drowsiness or sunken eyes stay an emergency.
  'emergency.child_dehydration': [{ hoursWithoutUrineBelow: 12, unlessConcepts: ['drowsy_severe', 'unresponsive', 'dehydration_signs', 'confusion', 'mottled_skin', 'no_urine_long'] }],
  'emergency.breathing_difficulty': [{ concepts: ['talks_in_sentences'], unlessConcepts: ['breathing_severe', 'cyanosis', 'recession', 'stridor', 'grunting_or_apnoea', 'confusion', 'drowsy_severe', 'chest_pain'] }]
}

export const KEYWORD_RULE_CONCEPTS: Record<string, { concepts: string[], passes: boolean }> = {
  'emergency.chest_pain': { concepts: ['chest_pain'], passes: true },
  'emergency.stroke_signs': { concepts: ['face_droop', 'limb_weakness', 'speech_disturbance', 'stroke_diagnosis'], passes: false },
  'emergency.sudden_severe_headache': { concepts: ['thunderclap_headache', 'headache'], passes: false },
  'emergency.breathing_difficulty': { concepts: ['breathing_severe', 'breathless', 'wheeze', 'recession', 'cyanosis', 'stridor', 'asthma_attack'], passes: true },
  'emergency.infant_fever': { concepts: ['fever'], passes: false },
  'emergency.unresponsive': { concepts: ['unresponsive', 'loss_of_consciousness', 'drowsy_severe'], passes: true },
  'emergency.anaphylaxis': { concepts: ['airway_swelling', 'lip_face_swelling', 'hives', 'wheeze', 'breathing_severe', 'breathless'], passes: true },
  'emergency.major_trauma': { concepts: ['head_injury', 'fall', 'deformity_or_crack', 'cannot_weight_bear'], passes: false },
  'emergency.seizure': { concepts: ['seizure'], passes: true },
  'emergency.meningitis_signs': { concepts: ['stiff_neck', 'non_blanching_rash', 'photophobia'], passes: false }
}
