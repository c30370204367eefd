import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import { composeReply, type ComposedMessage } from './compose-reply.ts'
import type { TurnServices } from './turn-services.ts'
import { missingVariablePolicy } from './common-variables.ts'

/**
 * Last check before anything reaches a patient: a bot reply with diagnosis or dosage wording is
 * replaced by the vetted safe fallback, and a medical reply without a disclaimer gets one.
 */
export async function applyOutputGuard (input: { services: TurnServices, clinic: ClinicProfile, locale: string, messages: ComposedMessage[], commonVariables: Record<string, string> }) {
  const problems: string[] = []
  const messages: ComposedMessage[] = []
  for (const message of input.messages) {
    const verdict = input.services.guards.checkOutput({ text: message.text, locale: input.locale, medical: message.medical, disclaimer: message.disclaimer })
    if (verdict.ok) {
      messages.push(message)
      continue
    }
    problems.push(...verdict.problems)
    messages.push(await composeReply({ corpus: input.services.corpus, clinic: input.clinic, locale: input.locale, reply: { kind: 'info', key: 'safety.fallback', medical: true }, commonVariables: input.commonVariables, onMissingVariable: missingVariablePolicy(input.services) }))
  }
  return { messages, problems }
}
