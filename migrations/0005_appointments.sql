-- Appointment scheduling: each clinic's departments and doctors, weekly schedule templates,
-- bookable slots expanded from them, and appointments. Department codes are the canonical codes
-- of architecture.md; the clinic decides names, availability and where a missing one is sent.

CREATE TABLE departments (
  clinic_id text NOT NULL REFERENCES clinics (id),
  code text NOT NULL,
  name jsonb NOT NULL,
  available boolean NOT NULL DEFAULT true,
  fallback_code text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, code)
);

-- Doctor ids are chosen by the clinic (or its HIS), so they are unique per clinic only.
CREATE TABLE doctors (
  clinic_id text NOT NULL,
  id text NOT NULL,
  department text NOT NULL,
  name jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, department) REFERENCES departments (clinic_id, code)
);

-- A weekly template: on ISO weekday (1 = Monday) from start_time to end_time, local to the clinic's
-- time zone, one slot every slot_minutes. doctor_id null means a department-level schedule.
CREATE TABLE schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id text NOT NULL,
  department text NOT NULL,
  doctor_id text,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 480),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_time > start_time),
  FOREIGN KEY (clinic_id, department) REFERENCES departments (clinic_id, code),
  FOREIGN KEY (clinic_id, doctor_id) REFERENCES doctors (clinic_id, id),
  UNIQUE NULLS NOT DISTINCT (clinic_id, department, doctor_id, weekday, start_time)
);

-- Bookable time, FHIR Slot-like. One slot per (department or doctor, start): regenerating a
-- window inserts nothing twice.
CREATE TABLE slots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id text NOT NULL,
  department text NOT NULL,
  doctor_id text,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'free' CHECK (status IN ('free', 'held', 'booked')),
  schedule_id uuid REFERENCES schedules (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_at > start_at),
  FOREIGN KEY (clinic_id, department) REFERENCES departments (clinic_id, code),
  FOREIGN KEY (clinic_id, doctor_id) REFERENCES doctors (clinic_id, id),
  CONSTRAINT slots_owner_start_key UNIQUE NULLS NOT DISTINCT (clinic_id, department, doctor_id, start_at)
);

CREATE INDEX slots_search_idx ON slots (clinic_id, department, start_at) WHERE status = 'free';
CREATE INDEX slots_clinic_start_idx ON slots (clinic_id, start_at);

-- Patient name and phone are plain text for now; only appointment-store.ts reads or writes them,
-- so application-level encryption can be added there. phone_hash (sha256 of the E.164 number)
-- serves lookups without reading the phone itself.
CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  clinic_id text NOT NULL REFERENCES clinics (id),
  slot_id uuid NOT NULL REFERENCES slots (id),
  department text NOT NULL,
  doctor_id text,
  patient_name text NOT NULL,
  patient_phone text NOT NULL,
  phone_hash text NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'rescheduled', 'cancelled')),
  conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The last line of defence against double booking: one live appointment per slot.
CREATE UNIQUE INDEX appointments_active_slot_key ON appointments (slot_id) WHERE status <> 'cancelled';
CREATE INDEX appointments_clinic_phone_idx ON appointments (clinic_id, phone_hash);
