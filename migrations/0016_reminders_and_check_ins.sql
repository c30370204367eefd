-- Medication reminders and chronic-care check-ins that really go out. Replaces the time-of-day-only
-- medication_reminders table of 0007: a reminder now has a schedule (times, frequency, end date),
-- an encrypted label (the medicine as the patient wrote it), a channel, a status and the instant of
-- its next occurrence. Each occurrence is a job on the durable queue (delivery_jobs, 0012) and, once
-- run, one reminder_deliveries row, unique per (reminder, occurrence, kind): two workers can never
-- send the same occurrence twice.

CREATE TABLE reminders (
  id uuid PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  kind text NOT NULL DEFAULT 'medication' CHECK (kind IN ('medication', 'check_in')),
  -- AES-256-GCM by the application, like message bodies; null when the patient gave no label.
  label_ciphertext bytea,
  label_key_id text,
  schedule jsonb NOT NULL,
  timezone text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('web', 'wechat', 'whatsapp')),
  locale text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'stopped')),
  -- The next scheduled occurrence; null when the schedule has ended.
  next_at timestamptz,
  -- One extra send asked for by "snooze"; cleared when it fires.
  snooze_at timestamptz,
  -- For check-ins: the clinic's check-in (settings.reminders.checkIns[].id).
  check_in_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  stopped_at timestamptz
);

CREATE INDEX reminders_due_idx ON reminders (next_at) WHERE status = 'active';
CREATE INDEX reminders_snooze_idx ON reminders (snooze_at) WHERE status = 'active' AND snooze_at IS NOT NULL;
CREATE INDEX reminders_conversation_idx ON reminders (conversation_id, status);

CREATE TABLE reminder_deliveries (
  id uuid PRIMARY KEY,
  reminder_id uuid NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
  clinic_id text NOT NULL REFERENCES clinics (id),
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  -- The occurrence this send is for (the scheduled instant, or the snooze instant).
  occurrence_at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('scheduled', 'snooze')),
  -- sent: written into the conversation (and handed to its channel's send job); expired: its job
  -- ran too late to be useful (the service was down), so nothing was sent.
  status text NOT NULL CHECK (status IN ('sent', 'expired')),
  sent_at timestamptz,
  message_id uuid,
  -- The patient's answer, recorded as adherence.
  response text CHECK (response IN ('taken', 'skipped', 'snoozed', 'stopped', 'answered')),
  responded_at timestamptz,
  UNIQUE (reminder_id, occurrence_at, kind)
);

CREATE INDEX reminder_deliveries_conversation_idx ON reminder_deliveries (conversation_id, sent_at DESC);
CREATE INDEX reminder_deliveries_clinic_idx ON reminder_deliveries (clinic_id, occurrence_at);

-- Readings sent back to a check-in: the values are encrypted; whether they were out of the clinic's
-- range, and how urgent that was, stay readable for the weekly summary.
CREATE TABLE check_in_readings (
  id uuid PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  reminder_id uuid REFERENCES reminders (id) ON DELETE CASCADE,
  delivery_id uuid REFERENCES reminder_deliveries (id) ON DELETE SET NULL,
  metric text NOT NULL CHECK (metric IN ('blood_pressure', 'glucose')),
  values_ciphertext bytea NOT NULL,
  values_key_id text NOT NULL,
  level text NOT NULL CHECK (level IN ('in_range', 'urgent', 'emergency')),
  created_at timestamptz NOT NULL
);

CREATE INDEX check_in_readings_clinic_idx ON check_in_readings (clinic_id, created_at);

-- Reminders set before this migration had only a daily time: they keep it, unlabelled.
INSERT INTO reminders (id, clinic_id, conversation_id, schedule, timezone, channel, locale, status, created_at, updated_at, stopped_at)
SELECT r.id, r.clinic_id, r.conversation_id,
  jsonb_build_object('frequency', 'daily', 'times', jsonb_build_array(to_char(r.time_of_day, 'HH24:MI')),
    'startDate', to_char(r.created_at AT TIME ZONE r.timezone, 'YYYY-MM-DD'), 'endDate', NULL),
  r.timezone, c.channel, c.locale, CASE WHEN r.active THEN 'active' ELSE 'stopped' END, r.created_at, r.created_at, r.stopped_at
FROM medication_reminders r JOIN conversations c ON c.id = r.conversation_id;

DROP TABLE medication_reminders;
