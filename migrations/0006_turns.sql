-- Guard events are kept for audit and metrics: which rule fired, on which conversation, when.
CREATE TABLE guard_events (
  id bigserial PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
  guard text NOT NULL CHECK (guard IN ('input', 'output')),
  category text NOT NULL,
  rule_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX guard_events_clinic_time_idx ON guard_events (clinic_id, created_at);

ALTER TABLE conversations ADD COLUMN version integer NOT NULL DEFAULT 0;
