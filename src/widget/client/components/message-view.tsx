import type { Entry } from '../chat-controller.ts'
import { agentNameOf } from '../chat-controller.ts'
import { fill, type UiText } from '../locales.ts'
import { PhoneText } from './phone-text.tsx'

type Props = { entry: Extract<Entry, { type: 'message' }>, text: UiText, emergencyNumber: string }

/**
 * One message: who wrote it, the text, and for the bot's answers the disclaimer and the cited
 * sources (answers only: questions and greetings cite the phrase they were written from, no help to a patient).
 */
export function MessageView ({ entry, text, emergencyNumber }: Props) {
  const { message } = entry
  if (message.role === 'system') return <p class='notice'>{message.text}</p>
  const emergency = message.kind === 'emergency'
  const author = message.role === 'patient' ? text.you : message.role === 'agent' ? `${agentNameOf(message) ?? text.staff} · ${text.staff}` : text.assistant
  return (
    <div class={`message ${message.role}${emergency ? ' emergency' : ''}`} role={emergency ? 'alert' : undefined}>
      <span class={message.role === 'patient' ? 'sr-only' : 'author'}>{author}</span>
      <div class='bubble'>
        {emergency && <span class='emergency-label'>⚠ {text.emergency}</span>}
        {emergency || message.kind === 'handoff' ? <PhoneText text={message.text} /> : message.text}
        {emergency && <a class='call' href={`tel:${emergencyNumber}`}>{fill(text.call, { number: emergencyNumber })}</a>}
      </div>
      {message.machineTranslation && <span class='translated'>{text.machineTranslated}</span>}
      {message.disclaimer && <p class='disclaimer'>{message.disclaimer}</p>}
      {message.kind === 'answer' && message.sources && message.sources.length > 0 && (
        <div class='sources'>
          {text.sources}:
          <ul>{message.sources.map((source) => <li key={`${source.id}-${source.version}`}>{source.title}</li>)}</ul>
        </div>
      )}
      {entry.delivery && (
        <span class={`delivery ${entry.delivery}`}>
          {entry.delivery === 'failed' ? `${text.notSent} ${entry.error ?? ''}` : entry.delivery === 'sending' ? text.sending : text.queued}
        </span>
      )}
    </div>
  )
}
