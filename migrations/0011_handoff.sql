-- Human handoff. Every new message and every change of a conversation's handoff state is
-- announced with NOTIFY on the channel conv_events_<schema> (the schema keeps test schemas and
-- tenants sharing one server apart). Triggers catch every writer: patient turns, agents, channels.
-- The payload is small; listeners read what changed from the tables.

-- Agents: the clinic's staff who answer handed-off conversations (passwords as argon2id hashes).
CREATE TABLE agents (
  id uuid PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- Consecutive failed sign-ins; at the limit sign-in is refused until locked_until.
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, email)
);

-- Sessions of signed-in agents: only a hash of the token is kept; expired rows are useless.
CREATE TABLE agent_sessions (
  token_hash bytea PRIMARY KEY,
  agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX agent_sessions_agent_idx ON agent_sessions (agent_id);

ALTER TABLE conversations ADD COLUMN assigned_agent_id uuid REFERENCES agents (id) ON DELETE SET NULL;

CREATE INDEX conversations_queue_idx ON conversations (clinic_id, status, waiting_since) WHERE status IN ('waiting_agent', 'with_agent');

-- One row per handoff episode (from the request until resolved or handed back): the SLA record.
CREATE TABLE handoffs (
  id uuid PRIMARY KEY,
  clinic_id text NOT NULL REFERENCES clinics (id),
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  priority text NOT NULL CHECK (priority IN ('emergency', 'high', 'normal')),
  reason text,
  requested_at timestamptz NOT NULL,
  claimed_at timestamptz,
  first_agent_reply_at timestamptz,
  resolved_at timestamptz,
  resolved_by uuid REFERENCES agents (id) ON DELETE SET NULL,
  outcome text CHECK (outcome IN ('resolved', 'returned_to_bot')),
  -- The agent's closing note, encrypted like messages.
  note_ciphertext bytea,
  note_key_id text,
  -- When supervisors were last re-alerted about this emergency still waiting.
  last_alert_at timestamptz
);

CREATE UNIQUE INDEX handoffs_open_idx ON handoffs (conversation_id) WHERE resolved_at IS NULL;
CREATE INDEX handoffs_clinic_time_idx ON handoffs (clinic_id, requested_at);

CREATE FUNCTION notify_message_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('conv_events_' || current_schema(), json_build_object(
    'type', 'message', 'clinicId', NEW.clinic_id, 'conversationId', NEW.conversation_id, 'messageId', NEW.id, 'role', NEW.role)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER messages_notify AFTER INSERT ON messages FOR EACH ROW EXECUTE FUNCTION notify_message_inserted();

CREATE FUNCTION notify_conversation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('conv_events_' || current_schema(), json_build_object(
    'type', 'conversation', 'clinicId', NEW.clinic_id, 'conversationId', NEW.id, 'status', NEW.status, 'priority', NEW.handoff_priority,
    'assignedTo', NEW.assigned_agent_id)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER conversations_notify AFTER UPDATE ON conversations FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.handoff_priority IS DISTINCT FROM NEW.handoff_priority
    OR OLD.assigned_agent_id IS DISTINCT FROM NEW.assigned_agent_id)
  EXECUTE FUNCTION notify_conversation_changed();
