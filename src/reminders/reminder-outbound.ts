import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { Queryable } from '../db/database.ts'
import type { ReminderMessage } from './compose-reminder-message.ts'
import type { Reminder } from './reminder-store.ts'

/**
 * Where a reminder for a WhatsApp or WeChat conversation goes after it is written into the
 * conversation: the durable outbound queue, enqueued in the same transaction (so a reminder is
 * either stored and queued, or neither).
 */
export type ReminderOutbound = {
  enqueue: (transaction: Queryable, input: { clinic: ClinicProfile, reminder: Reminder, message: ReminderMessage, messageId: string, lastInboundAt: Date | null, now: Date }) => Promise<void>
}
