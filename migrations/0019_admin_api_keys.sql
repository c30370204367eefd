-- Admin API keys: one per integration or operator, scoped to a clinic (clinic_id NULL: every
-- clinic, a platform operator's key) and a role. Only the SHA-256 of the key is kept: the key is
-- 256 random bits, so a plain hash cannot be reversed by guessing, and a stolen table opens
-- nothing. The id is also the visible part of the key, so people can tell keys apart.
CREATE TABLE admin_api_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  clinic_id text REFERENCES clinics (id),
  role text NOT NULL CHECK (role IN ('supervisor', 'admin')),
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  -- Written at most about once a minute per key, not on every request.
  last_used_at timestamptz
);

CREATE INDEX admin_api_keys_clinic_idx ON admin_api_keys (clinic_id);

-- The corpus review workflow wrote to audit_log (0001); it now records into the append-only
-- audit_events (0017) with the rest of the trail. Its earlier entries move there, named as the
-- trail names actions (past tense), and the old table goes. No entry is lost: one naming a clinic
-- that no longer exists keeps that id in detail.recordedFor.
INSERT INTO audit_events (clinic_id, occurred_at, actor_kind, actor_id, action, subject_kind, subject_id, detail)
SELECT CASE WHEN clinic_id IN (SELECT id FROM clinics) THEN clinic_id END, created_at, 'admin', NULL,
  split_part(action, '.', 1) || '.' || CASE split_part(action, '.', 2)
    WHEN 'create' THEN 'created' WHEN 'edit' THEN 'edited' WHEN 'submit' THEN 'submitted'
    WHEN 'approve' THEN 'approved' WHEN 'retire' THEN 'retired' ELSE split_part(action, '.', 2) END,
  subject_type, subject_id, detail || jsonb_build_object('author', actor, 'recordedFor', clinic_id)
FROM audit_log
ORDER BY id;

DROP TABLE audit_log;
