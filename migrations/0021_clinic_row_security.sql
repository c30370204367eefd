-- Clinic isolation, the second wall: PostgreSQL row-level security on every table that holds a
-- clinic's patient rows (and its agents and audit trail). The first wall is the application's own
-- `WHERE clinic_id = $n`; this one holds where such a filter is missing.
--
-- The service sets `app.clinic_id` for the transaction (set_config(..., true), src/db/clinic-context.ts)
-- when it works for one clinic: a patient's request (the conversation's clinic), an agent's or a
-- clinic's key (the credential's or the path's clinic), a channel message (the clinic it came for).
-- Then only that clinic's rows can be read, and a row of another clinic can be neither written
-- nor moved there (WITH CHECK).
--
-- Unset (or '', what remains after a SET LOCAL ended): every clinic. That is platform work: job
-- workers, the retention purge, key rotation, migrations, the CLI. Any other value is one clinic's
-- id, matched exactly (a path's '*' matches no clinic). The setting is not a credential (any SQL the
-- service runs may change it); it makes a forgotten filter fail closed under a clinic's context.
--
-- Superusers and roles with BYPASSRLS skip every policy: the service must connect as a role that is
-- neither (README, "Clinic isolation"). FORCE makes the policies hold for the tables' owner too, so
-- a service that connects as the owner is still walled; the owner's migrations run unset.
-- Foreign-key checks and ON DELETE CASCADE are not subject to policies (PostgreSQL runs them
-- without row security), so erasure still removes a conversation's rows everywhere.

CREATE FUNCTION clinic_row_visible (row_clinic_id text) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('app.clinic_id', true), '') = ''
           OR row_clinic_id = current_setting('app.clinic_id', true) $$;

DO $$
DECLARE
  covered text[] := ARRAY[
    'conversations', 'messages', 'appointments', 'guard_events', 'handoffs', 'reminders',
    'reminder_deliveries', 'check_in_readings', 'channel_users', 'channel_deliveries',
    'conversation_counts', 'audit_events', 'agents'];
  name text;
BEGIN
  FOREACH name IN ARRAY covered LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', name);
    EXECUTE format('CREATE POLICY clinic_isolation ON %I USING (clinic_row_visible(clinic_id)) WITH CHECK (clinic_row_visible(clinic_id))', name);
  END LOOP;
END
$$;

-- Stored answers of retried messages carry no clinic_id: they belong to a conversation, and the
-- conversations' own policy decides which of them can be seen (a receipt not yet tied to one, too).
ALTER TABLE inbound_receipts ENABLE ROW LEVEL SECURITY;
ALTER TABLE inbound_receipts FORCE ROW LEVEL SECURITY;
CREATE POLICY clinic_isolation ON inbound_receipts
  USING (conversation_id IS NULL OR EXISTS (SELECT 1 FROM conversations c WHERE c.id = inbound_receipts.conversation_id))
  WITH CHECK (conversation_id IS NULL OR EXISTS (SELECT 1 FROM conversations c WHERE c.id = inbound_receipts.conversation_id));
