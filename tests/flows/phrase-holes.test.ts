import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeReply } from '../../src/flows/compose-reply.ts'
import { commonVariables } from '../../src/flows/common-variables.ts'
import { MissingPhraseVariableError, renderTemplate, requiredVariables } from '../../src/flows/phrase-template.ts'
import { isStandaloneAnswer } from '../../src/flows/standalone-answer.ts'
import { createVettedCorpus } from '../../src/knowledge/vetted-corpus.ts'
import { createPhraseStore } from '../../src/knowledge/phrase-store.ts'
import { createClinicDirectory, type ClinicProfile } from '../../src/clinics/clinic-directory.ts'
import { emergencyContactsFor } from '../../src/clinics/emergency-contacts.ts'
import type { VettedCorpus } from '../../src/flows/turn-services.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

describe('phrase templates', () => {
  it('leaves out an optional part whose variable is empty, and keeps it when filled', () => {
    const body = '{{department}}[[ with {{doctor}}]], {{date}}'
    expect(renderTemplate(body, { department: 'ENT', doctor: '', date: 'Mon 14 Dec' })).toEqual({ text: 'ENT, Mon 14 Dec', missing: [] })
    expect(renderTemplate(body, { department: 'ENT', doctor: 'Dr. He Yu', date: 'Mon 14 Dec' }).text).toBe('ENT with Dr. He Yu, Mon 14 Dec')
  })

  it('reports an empty required variable instead of rendering a hole', () => {
    expect(renderTemplate('call {{emergencyNumber}} now', { emergencyNumber: ' ' }).missing).toEqual(['emergencyNumber'])
    expect(requiredVariables('{{a}}[[ {{b}}]] {{c}}')).toEqual(['a', 'c'])
  })
})

// The variables each flow gives its phrases, with values like the ones the flows compute; an
// optional value (a slot without a doctor) is empty, so it must sit in an optional part.
const FLOW_VARIABLES: Record<string, Record<string, Record<string, string>>> = {
  en: {
    appointment: { reference: 'APT-7K2M9Q', date: 'Mon 14 Dec', time: '09:00', department: 'ENT', doctor: '' },
    triage: { department: 'ENT' },
    handoff: { minutes: '10', time: '08:00', date: 'Mon 14 Dec' },
    insurance: { amount: '640', insurerAmount: '560', inputsUsed: 'bill 1200; deductible 500; coinsurance 20%', missingInput: 'the bill amount' },
    medication: { time: '08:00', date: 'Mon 14 Dec', label: 'metformin', schedule: 'every day at 08:00 and 20:00', timezone: 'China Standard Time', metric: 'blood pressure', hours: '24', morning: '08:00', evening: '20:00', reminders: '1. metformin, 08:00', example: 'stop 1', start: '22:00', end: '07:00' }
  },
  'zh-CN': {
    appointment: { reference: 'APT-7K2M9Q', date: '12月14日 周一', time: '09:00', department: '耳鼻喉科', doctor: '' },
    triage: { department: '耳鼻喉科' },
    handoff: { minutes: '10', time: '08:00', date: '12月14日 周一' },
    insurance: { amount: '640', insurerAmount: '560', inputsUsed: '账单1200；起付线500；自付比例20%', missingInput: '账单总金额' },
    medication: { time: '08:00', date: '12月14日 周一', label: '二甲双胍', schedule: '每天 08:00 和 20:00', timezone: '北京时间', metric: '血压', hours: '24', morning: '08:00', evening: '20:00', reminders: '1. 二甲双胍，08:00', example: '停止 1', start: '22:00', end: '07:00' }
  }
}
// Phrases for data the conversation flows do not have yet (a balance from the billing system).
const DATA_PHRASES: Record<string, Record<string, string>> = { 'billing.outstanding_balance': { amount: '120', reference: 'INV-2026-001' } }
// The categories free questions are answered from by retrieval (smalltalk, insurance and billing flows).
const RETRIEVED_CATEGORIES = new Set(['info', 'insurance', 'billing', 'medication'])
const HOLE = /\{\{|\}\}|\[\[|\]\]| ,|，[，。]| {2}|\(\s*\)|（\s*）|：\s*[。，]| \.|，\s*$/u

describe('every approved phrase of the sample clinic renders without a hole', () => {
  let testApp: TestApp
  let corpus: VettedCorpus
  let clinic: ClinicProfile
  const groups: Record<string, string[]> = {}

  beforeAll(async () => {
    testApp = await buildTestApp('phrase-holes')
    const { database, retriever, clock } = testApp.dependencies
    corpus = createVettedCorpus({ retriever, phrases: createPhraseStore(database), now: () => clock.now() })
    clinic = (await createClinicDirectory(database).find('default'))!
    for (const locale of ['en', 'zh-CN']) {
      const result = await database.query<{ group: string }>('SELECT DISTINCT group_key AS "group" FROM corpus_phrases WHERE locale = $1 ORDER BY 1', [locale])
      groups[locale] = result.rows.map((row) => row.group)
    }
  })
  afterAll(async () => { await testApp.close() })

  for (const locale of ['en', 'zh-CN']) {
    it(`${locale}: each phrase, with the clinic's values and its flow's, has every variable filled`, async () => {
      expect(groups[locale]!.length).toBeGreaterThan(100)
      const common = commonVariables(clinic, locale, { emergencyContacts: emergencyContactsFor })
      const holes: string[] = []
      for (const group of groups[locale]!) {
        const variables = DATA_PHRASES[group] ?? FLOW_VARIABLES[locale]![group.split('.')[0]!] ?? {}
        try {
          const message = await composeReply({ corpus, clinic, locale, reply: { kind: 'info', key: group, variables }, commonVariables: common, onMissingVariable: 'throw' })
          if (message.key !== group) holes.push(`${group}: answered with ${message.key}`)
          else if (HOLE.test(message.text)) holes.push(`${group}: ${message.text}`)
        } catch (error) {
          holes.push(`${group}: ${(error as Error).message}`)
        }
      }
      expect(holes).toEqual([])
    })

    it(`${locale}: a phrase retrieval may answer with needs nothing but the clinic's values`, async () => {
      const common = commonVariables(clinic, locale, { emergencyContacts: emergencyContactsFor })
      const phrases = await corpus.phrases({ clinicId: clinic.id, locale, groups: groups[locale]!.filter((group) => isStandaloneAnswer(group)) })
      const needing = [...phrases.values()].filter((phrase) => RETRIEVED_CATEGORIES.has(phrase.category) && renderTemplate(phrase.body, common).missing.length > 0).map((phrase) => phrase.group)
      expect(needing).toEqual([])
    })
  }

  it('composing fails loudly on an empty required variable, and the service falls back without a hole', async () => {
    const reply = { kind: 'answer' as const, key: 'appointment.booked', variables: { reference: 'APT-7K2M9Q', date: '', time: '09:00', department: 'ENT' } }
    const common = commonVariables(clinic, 'en', { emergencyContacts: emergencyContactsFor })
    await expect(composeReply({ corpus, clinic, locale: 'en', reply, commonVariables: common })).rejects.toThrow(MissingPhraseVariableError)
    const reported: string[][] = []
    const message = await composeReply({ corpus, clinic, locale: 'en', reply, commonVariables: common, onMissingVariable: (error) => reported.push(error.missing) })
    expect(message.key).toBe('safety.fallback')
    expect(reported).toEqual([['date']])
  })
})
