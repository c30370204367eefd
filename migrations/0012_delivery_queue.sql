-- The durable job queue (src/delivery): one row per job, claimed with FOR UPDATE SKIP LOCKED.
-- idempotency_key is unique for ever (not only while a job is pending): a job enqueued twice runs once.
-- order_key (e.g. a conversation id) makes jobs that share it run one at a time, in enqueue order.
CREATE TABLE delivery_jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  order_key text,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead', 'cancelled')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts > 0),
  locked_until timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX delivery_jobs_due_idx ON delivery_jobs (run_at, id) WHERE status IN ('queued', 'running');
CREATE INDEX delivery_jobs_order_idx ON delivery_jobs (order_key, id) WHERE status IN ('queued', 'running');
CREATE INDEX delivery_jobs_dead_idx ON delivery_jobs (updated_at) WHERE status = 'dead';

-- Channels (src/channels): one open conversation per channel user and clinic, so two messages of a
-- new WhatsApp or WeChat user arriving together cannot start two conversations.
CREATE UNIQUE INDEX conversations_open_channel_user_uniq ON conversations (clinic_id, channel, channel_user_id)
  WHERE channel <> 'web' AND status <> 'closed';

-- When each channel user last wrote (WhatsApp's 24-hour customer-service window).
CREATE TABLE channel_users (
  clinic_id text NOT NULL REFERENCES clinics (id),
  channel text NOT NULL,
  user_id text NOT NULL,
  last_inbound_at timestamptz NOT NULL,
  PRIMARY KEY (clinic_id, channel, user_id)
);

-- What the provider made of each message we sent: its id, and the highest status reported
-- (statuses arrive out of order; rank keeps read over delivered over sent).
CREATE TABLE channel_deliveries (
  channel text NOT NULL,
  provider_message_id text NOT NULL,
  idempotency_key text,
  clinic_id text,
  user_id text,
  status text NOT NULL,
  status_rank integer NOT NULL,
  error jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (channel, provider_message_id)
);

CREATE INDEX channel_deliveries_user_idx ON channel_deliveries (clinic_id, channel, user_id);

-- Provider access tokens (WeChat), shared by every instance and refreshed before they expire.
CREATE TABLE channel_access_tokens (
  account text PRIMARY KEY,
  token text NOT NULL,
  expires_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
