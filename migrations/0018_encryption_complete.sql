-- Encryption at rest, completed. Every personal value is written by the application as AES-256-GCM
-- ciphertext (bytea) with the id of its key beside it (src/privacy/message-cipher.ts). A value the
-- service finds rows by is also stored as an HMAC-SHA256 lookup hash, '<lookup key id>:<base64url>',
-- never as itself. The inventory (which column holds what) is src/privacy/encrypted-columns.ts.
--
-- Plaintext columns of earlier versions are renamed legacy_* and made nullable: no code writes them
-- (a NOT VALID check refuses any new value, while the rows already there stay readable), and the
-- start-up backfill (encryptLegacyPlaintext) moves their values into the encrypted columns and sets
-- them NULL. A later migration drops them. The rename also makes SQL written for the old columns
-- fail loudly instead of silently matching nothing.

-- Conversations: the channel user (a WhatsApp number, a WeChat openid) and the flow state, whose
-- slots hold the patient's words (symptoms, name, phone while booking).
ALTER TABLE conversations RENAME COLUMN channel_user_id TO legacy_channel_user_id;
ALTER TABLE conversations RENAME COLUMN state TO legacy_state;
ALTER TABLE conversations ALTER COLUMN legacy_state DROP NOT NULL, ALTER COLUMN legacy_state DROP DEFAULT;
ALTER TABLE conversations
  ADD COLUMN channel_user_ciphertext bytea,
  ADD COLUMN channel_user_key_id text,
  ADD COLUMN channel_user_hash text,
  ADD COLUMN state_ciphertext bytea,
  ADD COLUMN state_key_id text,
  ADD CONSTRAINT conversations_no_plaintext CHECK (legacy_channel_user_id IS NULL AND legacy_state IS NULL) NOT VALID;
DROP INDEX conversations_channel_user_idx;
DROP INDEX conversations_open_channel_user_uniq;
CREATE INDEX conversations_channel_user_idx ON conversations (clinic_id, channel, channel_user_hash);
CREATE UNIQUE INDEX conversations_open_channel_user_uniq ON conversations (clinic_id, channel, channel_user_hash)
  WHERE channel <> 'web' AND status <> 'closed';

-- Receipts: the stored answer repeats bot and agent text (which can name the patient); the
-- provider's message id can carry the user (a WeChat event id holds the openid, a WhatsApp id
-- encodes the number), so it is kept as a lookup hash.
ALTER TABLE inbound_receipts DROP CONSTRAINT inbound_receipts_pkey;
ALTER TABLE inbound_receipts RENAME COLUMN external_id TO legacy_external_id;
ALTER TABLE inbound_receipts RENAME COLUMN response TO legacy_response;
ALTER TABLE inbound_receipts ALTER COLUMN legacy_external_id DROP NOT NULL;
ALTER TABLE inbound_receipts
  ADD COLUMN external_id_hash text,
  ADD COLUMN response_ciphertext bytea,
  ADD COLUMN response_key_id text,
  ADD CONSTRAINT inbound_receipts_no_plaintext CHECK (legacy_external_id IS NULL AND legacy_response IS NULL) NOT VALID;
CREATE UNIQUE INDEX inbound_receipts_external_id_hash_key ON inbound_receipts (channel, external_id_hash);

-- Appointments: name and phone as ciphertext columns (they were 'sealed:<key id>:<base64>' text,
-- or plain text before that); the phone's lookup hash replaces an unkeyed sha256, which anyone
-- can reverse by hashing every possible number.
ALTER TABLE appointments RENAME COLUMN patient_name TO legacy_patient_name;
ALTER TABLE appointments RENAME COLUMN patient_phone TO legacy_patient_phone;
ALTER TABLE appointments RENAME COLUMN phone_hash TO legacy_phone_sha256;
ALTER TABLE appointments
  ALTER COLUMN legacy_patient_name DROP NOT NULL,
  ALTER COLUMN legacy_patient_phone DROP NOT NULL,
  ALTER COLUMN legacy_phone_sha256 DROP NOT NULL;
ALTER TABLE appointments
  ADD COLUMN patient_name_ciphertext bytea,
  ADD COLUMN patient_name_key_id text,
  ADD COLUMN patient_phone_ciphertext bytea,
  ADD COLUMN patient_phone_key_id text,
  ADD COLUMN phone_hash text,
  ADD CONSTRAINT appointments_no_plaintext CHECK (legacy_patient_name IS NULL AND legacy_patient_phone IS NULL AND legacy_phone_sha256 IS NULL) NOT VALID;
DROP INDEX appointments_clinic_phone_idx;
CREATE INDEX appointments_clinic_phone_idx ON appointments (clinic_id, phone_hash);

-- Channel users (the WhatsApp 24-hour window): found by the user's lookup hash; the ciphertext
-- lets a lookup-key rotation compute the new hash.
ALTER TABLE channel_users DROP CONSTRAINT channel_users_pkey;
ALTER TABLE channel_users RENAME COLUMN user_id TO legacy_user_id;
ALTER TABLE channel_users ALTER COLUMN legacy_user_id DROP NOT NULL;
ALTER TABLE channel_users
  ADD COLUMN user_ciphertext bytea,
  ADD COLUMN user_key_id text,
  ADD COLUMN user_hash text,
  ADD CONSTRAINT channel_users_no_plaintext CHECK (legacy_user_id IS NULL) NOT VALID;
CREATE UNIQUE INDEX channel_users_user_hash_key ON channel_users (clinic_id, channel, user_hash);

-- Delivery statuses no longer name the user (a user's rows are found through their send jobs),
-- and keep the provider's message id as a lookup hash (a WhatsApp id encodes the number).
DROP INDEX channel_deliveries_user_idx;
ALTER TABLE channel_deliveries DROP CONSTRAINT channel_deliveries_pkey;
ALTER TABLE channel_deliveries RENAME COLUMN user_id TO legacy_user_id;
ALTER TABLE channel_deliveries RENAME COLUMN provider_message_id TO legacy_provider_message_id;
ALTER TABLE channel_deliveries ALTER COLUMN legacy_provider_message_id DROP NOT NULL;
ALTER TABLE channel_deliveries
  ADD COLUMN provider_message_hash text,
  ADD CONSTRAINT channel_deliveries_no_plaintext CHECK (legacy_user_id IS NULL AND legacy_provider_message_id IS NULL) NOT VALID;
CREATE UNIQUE INDEX channel_deliveries_provider_message_hash_key ON channel_deliveries (channel, provider_message_hash);
CREATE INDEX channel_deliveries_idempotency_key_idx ON channel_deliveries (idempotency_key);

-- Durable jobs of the channels keep the user, the provider's message id and the text in one sealed
-- payload value ({"private": {"sealed", "keyId"}}) and a lookup hash in their order and idempotency
-- keys; the backfill rewrites the jobs of earlier versions (src/privacy/delivery-job-sealing.ts).
