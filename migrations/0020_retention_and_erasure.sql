-- Patient data rights and retention (src/privacy). An erased or expired conversation is deleted
-- (its messages, receipts, reminders, reminder deliveries, check-in readings and handoff records go
-- with it through ON DELETE CASCADE); what the clinic still needs is kept without the person:
--   * conversation_counts: anonymous counts per clinic, local day, channel, urgency and department;
--   * appointments: the row stays so the booked slot stays occupied, but name, phone and phone hash
--     are blanked and erased_at is set;
--   * guard_events: rule ids and categories only (conversation_id becomes null).
-- The audit trail (audit_events) is append-only and is not touched by erasure or retention.

ALTER TABLE appointments ADD COLUMN erased_at timestamptz;

CREATE INDEX appointments_conversation_idx ON appointments (conversation_id) WHERE conversation_id IS NOT NULL;

CREATE TABLE conversation_counts (
  clinic_id text NOT NULL REFERENCES clinics (id),
  -- The day the conversation started, in the clinic's time zone.
  day date NOT NULL,
  channel text NOT NULL,
  -- The last triage decision ('' when the conversation had none).
  urgency text NOT NULL DEFAULT '',
  department text NOT NULL DEFAULT '',
  conversations integer NOT NULL DEFAULT 0,
  patient_messages integer NOT NULL DEFAULT 0,
  handoffs integer NOT NULL DEFAULT 0,
  appointments integer NOT NULL DEFAULT 0,
  PRIMARY KEY (clinic_id, day, channel, urgency, department)
);

-- Retention finds a clinic's conversations idle since before its cut-off.
CREATE INDEX conversations_retention_idx ON conversations (clinic_id, last_activity_at);

-- Erasure finds the jobs that carry a conversation's messages or a reminder's occurrences, and a
-- channel user's finished inbound jobs (their sealed texts), whatever the job's status.
CREATE INDEX delivery_jobs_conversation_idx ON delivery_jobs ((payload->>'conversationId')) WHERE payload ? 'conversationId';
CREATE INDEX delivery_jobs_reminder_idx ON delivery_jobs ((payload->>'reminderId')) WHERE payload ? 'reminderId';
CREATE INDEX delivery_jobs_order_key_idx ON delivery_jobs (order_key) WHERE order_key IS NOT NULL;
