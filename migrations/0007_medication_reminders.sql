-- Opt-in medication reminders: the patient chose a local time of day; delivery goes through the
-- outbound queue on the patient's channel.
CREATE TABLE medication_reminders (
  id uuid PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  time_of_day time NOT NULL,
  timezone text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  stopped_at timestamptz
);

CREATE INDEX medication_reminders_active_idx ON medication_reminders (clinic_id, active, time_of_day);
