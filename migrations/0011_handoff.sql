-- Human handoff. Every new message and every change of a conversation's handoff state is
-- announced with NOTIFY on the channel conv_events_<schema> (the schema keeps test schemas and
-- tenants sharing one server apart). Triggers catch every writer: patient turns, agents, channels.
-- The payload is small; listeners read what changed from the tables.

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
    'type', 'conversation', 'clinicId', NEW.clinic_id, 'conversationId', NEW.id, 'status', NEW.status, 'priority', NEW.handoff_priority)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER conversations_notify AFTER UPDATE ON conversations FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.handoff_priority IS DISTINCT FROM NEW.handoff_priority)
  EXECUTE FUNCTION notify_conversation_changed();
