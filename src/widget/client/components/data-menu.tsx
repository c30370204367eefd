import { useState } from 'preact/hooks'
import type { ChatController } from '../chat-controller.ts'
import type { UiText } from '../locales.ts'

type Props = { controller: ChatController, text: UiText, hasConversation: boolean, onDone: () => void }

/** "Your data": download a copy, or delete the conversation after a confirm step. */
export function DataMenu ({ controller, text, hasConversation, onDone }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  async function run (action: () => Promise<boolean>): Promise<void> {
    setBusy(true)
    setFailed(false)
    const done = await action()
    setBusy(false)
    setFailed(!done)
    if (done) onDone()
  }

  return (
    <div class='data-menu' id='clinic-chat-data' role='region' aria-label={text.yourData}>
      {confirming
        ? (
          <>
            <p>{text.eraseConfirm}</p>
            <div class='data-actions'>
              <button type='button' class='danger' disabled={busy} onClick={() => run(() => controller.eraseConversation())}>{text.eraseYes}</button>
              <button type='button' disabled={busy} onClick={() => setConfirming(false)}>{text.cancel}</button>
            </div>
          </>
          )
        : (
          <>
            <p>{hasConversation ? text.dataIntro : text.noDataYet}</p>
            <div class='data-actions'>
              <button type='button' disabled={busy || !hasConversation} onClick={() => run(() => controller.downloadData())}>{text.downloadData}</button>
              <button type='button' class='danger' disabled={busy || !hasConversation} onClick={() => setConfirming(true)}>{text.eraseData}</button>
            </div>
          </>
          )}
      {failed && <p class='data-failed' role='alert'>{text.dataFailed}</p>}
    </div>
  )
}
