-- Clinics, conversations and messages. Patient text is encrypted by the application:
-- body_ciphertext holds AES-256-GCM output, body_key_id names the key so keys can rotate.

CREATE TABLE clinics (
  id text PRIMARY KEY,
  name jsonb NOT NULL,
  country text NOT NULL DEFAULT 'CN',
  timezone text NOT NULL DEFAULT 'Asia/Shanghai',
  default_locale text NOT NULL DEFAULT 'zh-CN',
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO clinics (id, name) VALUES ('default', '{"zh-CN": "示例社区诊所", "en": "Sample Community Clinic"}');

CREATE TABLE conversations (
  id uuid PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  channel text NOT NULL CHECK (channel IN ('web', 'wechat', 'whatsapp')),
  channel_user_id text,
  locale text NOT NULL,
  status text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'waiting_agent', 'with_agent', 'closed')),
  token_hash bytea NOT NULL,
  flow text,
  state jsonb NOT NULL DEFAULT '{}',
  turn_count integer NOT NULL DEFAULT 0,
  handoff_priority text CHECK (handoff_priority IN ('emergency', 'high', 'normal')),
  handoff_reason text,
  waiting_since timestamptz,
  last_activity_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX conversations_clinic_status_idx ON conversations (clinic_id, status, waiting_since);
CREATE INDEX conversations_channel_user_idx ON conversations (clinic_id, channel, channel_user_id);

CREATE TABLE messages (
  id uuid PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('patient', 'bot', 'agent', 'system')),
  kind text NOT NULL DEFAULT 'answer',
  body_ciphertext bytea NOT NULL,
  body_key_id text NOT NULL,
  meta jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);

-- Providers retry and clients resend: one row per (channel, external id) remembers the answer.
CREATE TABLE inbound_receipts (
  channel text NOT NULL,
  external_id text NOT NULL,
  conversation_id uuid REFERENCES conversations (id) ON DELETE CASCADE,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, external_id)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  clinic_id text,
  actor text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);
