-- The audit trail: who did what to patient data and to the clinic's settings, when and from where.
-- Append-only by construction: a trigger refuses UPDATE and DELETE (and TRUNCATE) for every role,
-- so neither an API bug nor a compromised admin key can rewrite history. Rows name the clinic so
-- supervisors and admins read only their own clinic's trail. `detail` never holds patient text.

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  clinic_id text REFERENCES clinics (id),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  -- agent | admin | system | patient
  actor_kind text NOT NULL CHECK (actor_kind IN ('agent', 'admin', 'system', 'patient')),
  -- agent id, admin key id, job name, or the conversation id a patient token belongs to
  actor_id text,
  action text NOT NULL,
  -- what was acted on: 'conversation', 'phrase', 'agent', 'settings', 'api_key', 'retention', ...
  subject_kind text,
  subject_id text,
  -- the client address as the server saw it (after trustProxy)
  ip text,
  detail jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_events_clinic_time_idx ON audit_events (clinic_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_kind, subject_id);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
