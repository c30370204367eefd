import type { Ref } from 'preact'
import { useState } from 'preact/hooks'
import type { UiText } from '../locales.ts'

type Props = { inputRef: Ref<HTMLTextAreaElement>, text: UiText, onSend: (text: string) => void }

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function Composer ({ inputRef, text, onSend }: Props) {
  const [value, setValue] = useState('')

  function submit (): void {
    if (!value.trim()) return
    onSend(value)
    setValue('')
  }

  return (
    <form class='composer' onSubmit={(event) => { event.preventDefault(); submit() }}>
      <label class='sr-only' for='clinic-chat-input'>{text.inputLabel}</label>
      <textarea
        id='clinic-chat-input' ref={inputRef} rows={1} maxLength={4000} placeholder={text.placeholder} value={value}
        onInput={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Not while an input method is composing (Chinese pinyin uses Enter to confirm a word).
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault()
            submit()
          }
        }}
      />
      <button type='submit' class='send'>{text.send}</button>
    </form>
  )
}
