import type { QuickReply } from '../flows/turn-types.ts'

/**
 * Where a reminder for a WhatsApp or WeChat conversation goes once it is stored in the
 * conversation: the channel pipeline's durable send job (src/channels/channel-pipeline.ts
 * sendToConversation), once per message id. The adapter picks the clinic's approved WhatsApp
 * template outside the 24-hour window.
 */
export type ReminderOutbound = {
  sendToConversation: (
    conversation: { id: string, clinicId: string, channel: string, channelUserId: string | null },
    message: { id: string, text: string, quickReplies?: QuickReply[] | undefined }
  ) => Promise<boolean>
}
