import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { PlannedReply, QuickReply, ReplyKind } from './turn-types.ts'
import type { ApprovedPhrase, VettedCorpus } from './turn-services.ts'

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
}

/** Turns a planned reply into text from the vetted corpus, with variables filled in. */
export async function composeReply ({ corpus, clinic, locale, reply, commonVariables }: ComposeInput): Promise<ComposedMessage> {
  const variables = { ...commonVariables, ...reply.variables }
  const medical = reply.medical === true
  const phrases = await lookUpPhrases({ corpus, clinicId: clinic.id, locale, groups: [...(reply.passage ? [] : [reply.key ?? FALLBACK, FALLBACK]), ...(medical ? [DISCLAIMER] : [])] })
  const base = resolveText({ locale, reply, variables, phrases })
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
  return { text: fillVariables(phrase.body, variables), source: { id: phrase.id, version: phrase.version, title: phrase.title } }
}

/** Replaces {{name}} with its value; an unknown variable is left out rather than shown raw. */
export function fillVariables (body: string, variables: Record<string, string>): string {
  return body.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g, (_match, name: string) => variables[name] ?? '')
}

// Used only if the corpus lacks even its safety fallback (a misconfigured clinic): the patient
// still gets a safe answer that points to a human.
function lastResortText (locale: string): string {
  return locale === 'zh-CN' ? '抱歉，我现在无法回答这个问题。请直接致电诊所；如有紧急情况请立即拨打急救电话。' : 'Sorry, I cannot answer that right now. Please call the clinic; in an emergency call your local emergency number now.'
}

function lastResortDisclaimer (locale: string): string {
  return locale === 'zh-CN' ? '以上为一般信息，不构成诊断或医疗建议。' : 'This is general information, not a diagnosis or medical advice.'
}
