import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { PlannedReply, QuickReply, ReplyKind } from './turn-types.ts'
import type { ApprovedPhrase, VettedCorpus } from './turn-services.ts'
import { MissingPhraseVariableError, renderTemplate } from './phrase-template.ts'

/** What a machine-translated reply carries: the language, and the vetted English it came from. */
export type MachineTranslationLabel = { language: string, original: { text: string, disclaimer?: string } }

export type ComposedMessage = {
  role: 'bot'
  kind: ReplyKind
  text: string
  key: string | null
  disclaimer?: string
  sources?: Array<{ id: string, version: number, title: string }>
  quickReplies?: QuickReply[]
  medical: boolean
  /** Set when the text was machine-translated from the vetted English for the patient. */
  machineTranslation?: MachineTranslationLabel
}

type ComposeInput = {
  corpus: VettedCorpus
  clinic: ClinicProfile
  locale: string
  reply: PlannedReply
  /** Values every phrase may use: clinic name and phone, emergency number, crisis lines. */
  commonVariables: Record<string, string>
  /**
   * A phrase whose required variable is empty: throw (tests, so a hole fails loudly) or answer
   * with the safety fallback and report it (production, so the patient never sees a hole).
   */
  onMissingVariable?: 'throw' | ((error: MissingPhraseVariableError) => void)
}

/** Turns a planned reply into text from the vetted corpus, with variables filled in. */
export async function composeReply ({ corpus, clinic, locale, reply, commonVariables, onMissingVariable = 'throw' }: ComposeInput): Promise<ComposedMessage> {
  const variables = { ...commonVariables, ...reply.variables }
  const medical = reply.medical === true
  const phrases = await lookUpPhrases({ corpus, clinicId: clinic.id, locale, groups: [...(reply.passage ? [] : [reply.key ?? FALLBACK, FALLBACK]), ...(medical ? [DISCLAIMER] : [])] })
  const base = resolveWithoutHoles({ locale, reply, variables, phrases, onMissingVariable })
  const disclaimer = medical ? phraseText(phrases, DISCLAIMER, variables) : null
  return {
    role: 'bot',
    kind: reply.kind,
    text: base.text,
    key: base.key,
    medical,
    ...(disclaimer ? { disclaimer: disclaimer.text } : medical ? { disclaimer: lastResortDisclaimer(locale) } : {}),
    ...(base.source ? { sources: [base.source] } : {}),
    ...(reply.quickReplies?.length ? { quickReplies: reply.quickReplies } : {})
  }
}

const FALLBACK = 'safety.fallback'
const DISCLAIMER = 'disclaimer.medical'

type PhraseMap = Map<string, ApprovedPhrase>

/** Every group a reply may need, in one lookup; groups this locale lacks come from English. */
async function lookUpPhrases (input: { corpus: VettedCorpus, clinicId: string, locale: string, groups: string[] }): Promise<PhraseMap> {
  if (input.groups.length === 0) return new Map()
  const found = await input.corpus.phrases(input)
  const missing = input.groups.filter((group) => !found.has(group))
  if (missing.length === 0 || input.locale === 'en') return found
  const english = await input.corpus.phrases({ ...input, locale: 'en', groups: missing })
  return new Map([...english, ...found])
}

function resolveWithoutHoles (input: { locale: string, reply: PlannedReply, variables: Record<string, string>, phrases: PhraseMap, onMissingVariable: NonNullable<ComposeInput['onMissingVariable']> }) {
  try {
    return resolveText(input)
  } catch (error) {
    if (!(error instanceof MissingPhraseVariableError) || input.onMissingVariable === 'throw') throw error
    input.onMissingVariable(error)
    try {
      return resolveText({ ...input, reply: { kind: input.reply.kind, key: FALLBACK } })
    } catch {
      return { text: lastResortText(input.locale), key: null, source: null }
    }
  }
}

function resolveText (input: { locale: string, reply: PlannedReply, variables: Record<string, string>, phrases: PhraseMap }) {
  const { reply } = input
  if (reply.passage) {
    return { text: fillVariables(reply.passage.body, input.variables), key: reply.passage.group ?? null, source: { id: reply.passage.id, version: reply.passage.version, title: reply.passage.title } }
  }
  const found = phraseText(input.phrases, reply.key ?? FALLBACK, input.variables)
  if (found) return { text: found.text, key: reply.key ?? null, source: found.source }
  const fallback = phraseText(input.phrases, FALLBACK, input.variables)
  if (fallback) return { text: fallback.text, key: FALLBACK, source: fallback.source }
  return { text: lastResortText(input.locale), key: null, source: null }
}

function phraseText (phrases: PhraseMap, group: string, variables: Record<string, string>) {
  const phrase = phrases.get(group)
  if (!phrase) return null
  const rendered = renderTemplate(phrase.body, variables)
  if (rendered.missing.length > 0) throw new MissingPhraseVariableError(group, rendered.missing)
  return { text: rendered.text, source: { id: phrase.id, version: phrase.version, title: phrase.title } }
}

/** A retrieved passage: optional parts and variables filled where known; a passage is never refused. */
export function fillVariables (body: string, variables: Record<string, string>): string {
  return renderTemplate(body, variables).text
}

// Used only if the corpus lacks even its safety fallback (a misconfigured clinic): the patient
// still gets a safe answer that points to a human.
function lastResortText (locale: string): string {
  return locale === 'zh-CN' ? '抱歉，我现在无法回答这个问题。请直接致电诊所；如有紧急情况请立即拨打急救电话。' : 'Sorry, I cannot answer that right now. Please call the clinic; in an emergency call your local emergency number now.'
}

function lastResortDisclaimer (locale: string): string {
  return locale === 'zh-CN' ? '以上为一般信息，不构成诊断或医疗建议。' : 'This is general information, not a diagnosis or medical advice.'
}
