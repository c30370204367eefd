import { useEffect, useRef, useState } from 'preact/hooks'
import type { ChatController, ChatState, Entry } from '../chat-controller.ts'
import type { Locale, UiText } from '../locales.ts'
import type { WidgetSettings } from '../types.ts'
import { Composer } from './composer.tsx'
import { MessageView } from './message-view.tsx'
import { CloseIcon } from './icons.tsx'
import { DataMenu } from './data-menu.tsx'

type Props = { state: ChatState, controller: ChatController, settings: WidgetSettings, locale: Locale, text: UiText, onClose: () => void }

/** The chat panel: header, notices, the conversation log (an ARIA live region), quick replies, composer. */
export function ChatPanel ({ state, controller, settings, locale, text, onClose }: Props) {
  const log = useRef<HTMLDivElement>(null)
  const [dataOpen, setDataOpen] = useState(false)
  const input = useRef<HTMLTextAreaElement>(null)
  const title = settings.title[locale] ?? text.defaultTitle
  const greeting = settings.greeting[locale]
  const last = state.entries[state.entries.length - 1]
  const quickReplies = state.status === 'bot' && last?.type === 'message' && last.message.role === 'bot' ? last.message.quickReplies ?? [] : []

  useEffect(() => { input.current?.focus() }, [])
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight
  }, [state.entries.length, state.typing])

  function send (value: string): void {
    controller.send(value)
    input.current?.focus()
  }

  return (
    <section id='clinic-chat-panel' class='panel' role='dialog' aria-modal='false' aria-labelledby='clinic-chat-title'>
      <div class='header'>
        {settings.logoUrl && <img class='logo' src={settings.logoUrl} alt='' />}
        <div class='heading'>
          <h2 class='title' id='clinic-chat-title'>{title}</h2>
          <p class='subtitle'>{settings.name[locale] ?? settings.clinicId}</p>
        </div>
        <button type='button' class='data-toggle' aria-expanded={dataOpen} aria-controls='clinic-chat-data' onClick={() => setDataOpen(!dataOpen)}>{text.yourData}</button>
        <button type='button' class='close' aria-label={text.closeChat} onClick={onClose}><CloseIcon /></button>
      </div>
      {dataOpen && <DataMenu controller={controller} text={text} hasConversation={state.hasConversation} onDone={() => setDataOpen(false)} />}
      {state.banner && <p class='banner' role='status'>{state.banner.text}</p>}
      <div class='log' ref={log} role='log' aria-live='polite' aria-relevant='additions' aria-label={text.conversation} tabIndex={0}>
        {greeting && <p class='intro'>{greeting}</p>}
        {state.entries.map((entry: Entry) => entry.type === 'notice'
          ? <p key={entry.key} class='notice'>{entry.text}</p>
          : <MessageView key={entry.key} entry={entry} text={text} emergencyNumber={settings.emergencyNumber} />)}
        {state.typing && (
          <div class='typing' role='status'>
            <span class='dots' aria-hidden='true'><span /><span /><span /></span>
            <span>{text.typing}</span>
          </div>
        )}
      </div>
      {quickReplies.length > 0 && (
        <div class='quick' role='group' aria-label={text.suggestions}>
          {quickReplies.map((reply) => <button key={reply.value} type='button' onClick={() => send(reply.value)}>{reply.label}</button>)}
        </div>
      )}
      {state.status === 'closed'
        ? <button type='button' class='restart' onClick={() => { controller.restart(); input.current?.focus() }}>{text.newConversation}</button>
        : <Composer inputRef={input} text={text} onSend={send} />}
    </section>
  )
}
