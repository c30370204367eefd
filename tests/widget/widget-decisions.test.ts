import { describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from '../../src/widget/client/api.ts'
import { decideOnFailure } from '../../src/widget/client/failure-policy.ts'
import { uiText } from '../../src/widget/client/locales.ts'
import { statusNotice } from '../../src/widget/client/status-notice.ts'

const text = uiText('en')

describe('what the widget does when a message was not answered', () => {
  it('starts a new conversation when the old one is gone, and gives up on a message the service refuses', () => {
    expect(decideOnFailure(new ApiError(404, 'CONVERSATION_NOT_FOUND', 'gone', undefined), { attempt: 1, online: true, text })).toEqual({ action: 'new-conversation' })
    expect(decideOnFailure(new ApiError(401, 'UNAUTHORIZED', 'token', undefined), { attempt: 1, online: true, text })).toEqual({ action: 'new-conversation' })
    expect(decideOnFailure(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too long', undefined), { attempt: 1, online: true, text })).toEqual({ action: 'give-up', reason: 'too long' })
  })

  it('waits for the network when offline, and otherwise retries: after Retry-After, or backing off up to 30 s', () => {
    expect(decideOnFailure(new NetworkError('x'), { attempt: 1, online: false, text })).toMatchObject({ action: 'wait-for-network', banner: { kind: 'offline' } })
    expect(decideOnFailure(new ApiError(429, 'RATE_LIMITED', 'slow down', 7), { attempt: 1, online: true, text }))
      .toEqual({ action: 'retry', seconds: 7, banner: { kind: 'busy', text: 'Lots of people are writing to us right now. We will try again in 7 seconds; nothing you typed is lost.' } })
    expect(decideOnFailure(new ApiError(503, 'DATABASE_UNAVAILABLE', 'down', 5), { attempt: 1, online: true, text })).toMatchObject({ action: 'retry', seconds: 5, banner: { kind: 'unavailable' } })
    const backOff = [1, 2, 3, 4, 5, 6, 9].map((attempt) => (decideOnFailure(new NetworkError('reset'), { attempt, online: true, text }) as { seconds: number }).seconds)
    expect(backOff).toEqual([2, 4, 8, 16, 30, 30, 30])
  })
})

describe('notices when the conversation changes hands', () => {
  it('tells the patient who is answering now', () => {
    expect(statusNotice('bot', 'waiting_agent', text)).toMatch(/connecting you/)
    expect(statusNotice('waiting_agent', 'with_agent', text, 'Nurse Li')).toBe('Nurse Li from the clinic has joined the chat.')
    expect(statusNotice('with_agent', 'bot', text)).toMatch(/clinic assistant again/)
    expect(statusNotice('with_agent', 'closed', text)).toBe('This conversation has ended.')
    expect(statusNotice('bot', 'bot', text)).toBeNull()
    expect(statusNotice('closed', 'bot', text)).toBeNull()
  })
})
