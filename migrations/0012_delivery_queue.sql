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
