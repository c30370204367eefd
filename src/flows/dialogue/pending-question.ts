import type { PartOfDay } from '../understanding/understanding-types.ts'

/** One offered option: a slot, a day or a plan; `label` is what the button shows and sends. */
export type OfferedOption = { id: string, label: string, start?: string }

/**
 * What the bot's last question expects. The next reply is read against it first, before any
 * global extractor, and what it answers is not overwritten by them.
 */
export type PendingQuestion =
  | { kind: 'choice', options: OfferedOption[] }
  | { kind: 'yes_no', offer: string }
  | { kind: 'contact', wants: Array<'name' | 'phone'> }
  | { kind: 'reference' }
  | { kind: 'date', options?: OfferedOption[] }
  | { kind: 'department' }
  | { kind: 'amount' }
  | { kind: 'free' }

/**
 * An offer made by a flow that has finished ("shall I book?" after triage): a "yes" on the next
 * turn starts `flow` with `slots`, even though no flow is active any more. With no flow it is
 * "anything else?": "yes" shows what the bot can do, "no" says goodbye.
 */
export type PendingOffer = { kind: 'yes_no', offer: string, flow: string | null, intent: string | null, slots: Record<string, string> }

/** `weekdayToday`: a bare weekday that is today; with nothing left today it means next week's. */
export type DateAnswer = { date: string | null, spanDays: number, partOfDay: PartOfDay | null, time: string | null, weekdayToday?: boolean }

/** What a reply answered; `null` from a reader means the reply did not answer the question. */
export type ReplyAnswer =
  | { kind: 'choice', id: string }
  | { kind: 'yes' }
  | { kind: 'no', done: boolean }
  | { kind: 'unknown' }
  | { kind: 'contact', name?: string, phone?: string, invalidPhone?: boolean }
  | { kind: 'reference', reference: string, phone?: string }
  | ({ kind: 'date' } & DateAnswer)
  | { kind: 'department', code: string }
  | { kind: 'amount', amount: number }
  | { kind: 'free', text: string }
