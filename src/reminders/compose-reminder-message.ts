import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import { composeReply, type ComposedMessage } from '../flows/compose-reply.ts'
import type { QuickReply } from '../flows/turn-types.ts'
import type { TurnServices, VettedCorpus } from '../flows/turn-services.ts'
import { localClockTime } from './reminder-schedule.ts'
import { reminderSettingsOf } from './reminder-settings.ts'
import { labelOf } from './reminder-turn.ts'
import type { Reminder } from './reminder-store.ts'

export type ReminderMessage = ComposedMessage & { quickReplies: QuickReply[], variables: Record<string, string> }

const ANSWERS: Record<'en' | 'zh', QuickReply[]> = {
  en: [{ label: 'Taken', value: 'taken' }, { label: 'Snooze 30 min', value: 'snooze 30 min' }, { label: 'Skip', value: 'skip' }, { label: 'Stop', value: 'stop' }],
  zh: [{ label: '已服用', value: '已服用' }, { label: '过半小时提醒我', value: '过半小时提醒我' }, { label: '跳过', value: '跳过' }, { label: '退订', value: '退订' }]
}

/**
 * The outbound text of one occurrence, from the vetted corpus: the medicine reminder with the label
 * as the patient wrote it, or the clinic's check-in question. If the output guard objects to the
 * patient's label (dose wording in it), the reminder goes out with a neutral label instead.
 */
export async function composeReminderMessage (input: {
  corpus: VettedCorpus
  clinic: ClinicProfile
  reminder: Reminder
  occurrenceAt: Date
  emergencyContacts: TurnServices['emergencyContacts']
  guards?: TurnServices['guards'] | undefined
}): Promise<ReminderMessage> {
  const { clinic, reminder } = input
  const locale = reminder.locale
  const contacts = input.emergencyContacts(clinic, locale)
  const common = { clinicName: clinic.name[locale] ?? clinic.name.en ?? clinic.id, clinicPhone: clinic.settings.phone ?? '', emergencyNumber: contacts.emergencyNumber, crisisLines: contacts.crisisLines }
  const checkIn = reminder.kind === 'check_in' ? reminderSettingsOf(clinic).checkIns.find((setting) => setting.id === reminder.checkInId) : undefined
  const key = checkIn ? `medication.checkin_question_${checkIn.metric}` : 'medication.reminder_message'
  const variables = { time: localClockTime(input.occurrenceAt, reminder.timezone), label: labelOf(reminder, locale) }
  const quickReplies = checkIn ? ANSWERS[locale.startsWith('zh') ? 'zh' : 'en'].slice(-1) : ANSWERS[locale.startsWith('zh') ? 'zh' : 'en']
  const compose = async (values: Record<string, string>) => ({
    ...(await composeReply({ corpus: input.corpus, clinic, locale, reply: { kind: 'info', key, variables: values, medical: true, quickReplies }, commonVariables: common })),
    quickReplies,
    variables: values
  })
  const message = await compose(variables)
  const verdict = input.guards?.checkOutput({ text: message.text, locale, medical: true, disclaimer: message.disclaimer })
  if (!verdict || verdict.ok) return message
  return compose({ ...variables, label: labelOf({ ...reminder, label: null }, locale) })
}
