import { useEffect, useRef, useState } from 'preact/hooks'
import type { ChatController, ChatState } from '../chat-controller.ts'
import { fill, type Locale, type UiText } from '../locales.ts'
import type { WidgetSettings } from '../types.ts'
import { ChatPanel } from './chat-panel.tsx'
import { ChatIcon, CloseIcon } from './icons.tsx'

type Props = { controller: ChatController, settings: WidgetSettings, locale: Locale, text: UiText }

function useChatState (controller: ChatController): ChatState {
  const [state, setState] = useState(controller.getState())
  useEffect(() => controller.subscribe(() => setState(controller.getState())), [controller])
  return state
}

/** The launcher button and, when open, the chat panel; the clinic's palette as CSS variables. */
export function WidgetApp ({ controller, settings, locale, text }: Props) {
  const state = useChatState(controller)
  const launcher = useRef<HTMLButtonElement>(null)
  const palette = `--brand:${settings.palette.brand};--on-brand:${settings.palette.onBrand};--accent:${settings.palette.accent}`

  function close (): void {
    controller.setOpen(false)
    launcher.current?.focus()
  }

  return (
    <div
      class={`root${state.open ? ' is-open' : ''}`} style={palette} lang={locale}
      onKeyDown={(event) => { if (event.key === 'Escape' && state.open) { event.stopPropagation(); close() } }}
    >
      {state.open && <ChatPanel state={state} controller={controller} settings={settings} locale={locale} text={text} onClose={close} />}
      <button
        ref={launcher} type='button' class='launcher' aria-expanded={state.open} aria-controls='clinic-chat-panel'
        aria-label={state.open ? text.closeChat : text.openChat}
        onClick={() => state.open ? close() : controller.setOpen(true)}
      >
        {state.open ? <CloseIcon /> : <ChatIcon />}
        {state.unread > 0 && <span class='badge' aria-label={fill(text.unread, { count: state.unread })}>{state.unread}</span>}
      </button>
    </div>
  )
}
