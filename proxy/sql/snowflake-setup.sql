-- Upsignal on Snowflake: a least-privilege role, the tables Upsignal writes, and a service user
-- that signs in with a key pair. Run it once, top to bottom, in a Snowflake worksheet.
--
-- Before running, replace these names everywhere in this file if yours differ:
--   UPSIGNAL_WH         the warehouse Upsignal's queries run on
--   ANALYTICS           the database
--   ANALYTICS.UPSIGNAL  the schema holding the source tables (or views) and the output tables
--   UPSIGNAL_ROLE       the role Upsignal uses
--   UPSIGNAL_SERVICE    the user Upsignal signs in as
-- and paste the public key (see "Key pair" in docs/run-on-snowflake.md) where it says so.
--
-- Role creation and the user need USERADMIN (or SECURITYADMIN); the warehouse, schema, tables and
-- grants need SYSADMIN or the owner of the database. The USE ROLE lines switch as needed.

------------------------------------------------------------------------------------------------
-- 1. The role
------------------------------------------------------------------------------------------------
USE ROLE USERADMIN;

CREATE ROLE IF NOT EXISTS UPSIGNAL_ROLE
  COMMENT = 'Upsignal: reads product and billing tables, writes signals and handoffs';

-- Let SYSADMIN manage what the role owns or uses, as Snowflake recommends for custom roles.
GRANT ROLE UPSIGNAL_ROLE TO ROLE SYSADMIN;

------------------------------------------------------------------------------------------------
-- 2. A small warehouse of its own, so Upsignal's cost is visible and bounded
------------------------------------------------------------------------------------------------
USE ROLE SYSADMIN;

CREATE WAREHOUSE IF NOT EXISTS UPSIGNAL_WH
  WAREHOUSE_SIZE = XSMALL
  AUTO_SUSPEND = 60
  AUTO_RESUME = TRUE
  INITIALLY_SUSPENDED = TRUE
  -- A backstop: the proxy sets a shorter timeout on each of its sessions.
  STATEMENT_TIMEOUT_IN_SECONDS = 300
  COMMENT = 'Upsignal scoring and write-back';

GRANT USAGE ON WAREHOUSE UPSIGNAL_WH TO ROLE UPSIGNAL_ROLE;

------------------------------------------------------------------------------------------------
-- 3. Where the tables live
------------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS ANALYTICS.UPSIGNAL
  COMMENT = 'Upsignal: source views over Segment and billing data, and its output tables';

GRANT USAGE ON DATABASE ANALYTICS TO ROLE UPSIGNAL_ROLE;
GRANT USAGE ON SCHEMA ANALYTICS.UPSIGNAL TO ROLE UPSIGNAL_ROLE;

------------------------------------------------------------------------------------------------
-- 4. Read access to the source tables
--
-- Upsignal expects these names and columns (docs/run-on-snowflake.md lists them). Point it at
-- other tables in its YAML configuration (warehouse.tables), or create views here with the
-- expected names and columns over your own Segment and billing tables. For a view, write
-- GRANT SELECT ON VIEW instead of ON TABLE; a reader of a view needs no grant on what is under it.
------------------------------------------------------------------------------------------------
GRANT SELECT ON TABLE ANALYTICS.UPSIGNAL.TRACKS TO ROLE UPSIGNAL_ROLE;
GRANT SELECT ON TABLE ANALYTICS.UPSIGNAL.IDENTIFIES TO ROLE UPSIGNAL_ROLE;
GRANT SELECT ON TABLE ANALYTICS.UPSIGNAL.GROUPS TO ROLE UPSIGNAL_ROLE;
GRANT SELECT ON TABLE ANALYTICS.UPSIGNAL.ACCOUNTS TO ROLE UPSIGNAL_ROLE;
GRANT SELECT ON TABLE ANALYTICS.UPSIGNAL.SUBSCRIPTIONS TO ROLE UPSIGNAL_ROLE;
GRANT SELECT ON TABLE ANALYTICS.UPSIGNAL.USAGE_DAILY TO ROLE UPSIGNAL_ROLE;
GRANT SELECT ON TABLE ANALYTICS.UPSIGNAL.ACCOUNT_IDENTITIES TO ROLE UPSIGNAL_ROLE;

------------------------------------------------------------------------------------------------
-- 5. The tables Upsignal writes, created here so the role needs no CREATE privilege.
-- Times are UTC wall-clock (TIMESTAMP_NTZ); signals, plays and payload hold JSON text.
------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ANALYTICS.UPSIGNAL.EXPANSION_SIGNALS (
  run_id TEXT NOT NULL,            -- one id per scoring run
  computed_at TIMESTAMP_NTZ NOT NULL,
  account_id TEXT NOT NULL,
  score DOUBLE NOT NULL,           -- 0 to 100
  band TEXT NOT NULL,
  signals TEXT NOT NULL,           -- JSON: every signal with its value, threshold and points
  plays TEXT NOT NULL,             -- JSON: the recommended plays
  as_of DATE                       -- the last complete day of data the score is based on
)
COMMENT = 'Upsignal: one row per account per scoring run';

CREATE TABLE IF NOT EXISTS ANALYTICS.UPSIGNAL.HANDOFFS (
  id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,   -- repeated clicks and retries carry the same key
  account_id TEXT NOT NULL,
  play_id TEXT NOT NULL,
  note TEXT,
  requested_by TEXT NOT NULL,      -- the seller's email
  state TEXT NOT NULL,             -- where delivery stands in the outbox
  channel TEXT,                    -- the Slack channel
  attempts BIGINT NOT NULL,
  last_error TEXT,
  slack_ts TEXT,
  permalink TEXT,
  payload TEXT,                    -- JSON: the message as posted
  created_at TIMESTAMP_NTZ NOT NULL,
  next_attempt_at TIMESTAMP_NTZ,
  delivered_at TIMESTAMP_NTZ
)
COMMENT = 'Upsignal: handoffs to Slack and their delivery state (the outbox)';

CREATE TABLE IF NOT EXISTS ANALYTICS.UPSIGNAL.API_TOKENS (
  token_hash TEXT NOT NULL,        -- a hash of the token; the token itself is never stored
  email TEXT NOT NULL,
  label TEXT,
  created_at TIMESTAMP_NTZ NOT NULL,
  revoked_at TIMESTAMP_NTZ,
  last_used_at TIMESTAMP_NTZ
)
COMMENT = 'Upsignal: hashed API tokens issued to sellers';

GRANT SELECT, INSERT, UPDATE ON TABLE ANALYTICS.UPSIGNAL.EXPANSION_SIGNALS TO ROLE UPSIGNAL_ROLE;
GRANT SELECT, INSERT, UPDATE ON TABLE ANALYTICS.UPSIGNAL.HANDOFFS TO ROLE UPSIGNAL_ROLE;
GRANT SELECT, INSERT, UPDATE ON TABLE ANALYTICS.UPSIGNAL.API_TOKENS TO ROLE UPSIGNAL_ROLE;

------------------------------------------------------------------------------------------------
-- 6. The service user, signing in with a key pair only (no password)
------------------------------------------------------------------------------------------------
USE ROLE USERADMIN;

CREATE USER IF NOT EXISTS UPSIGNAL_SERVICE
  TYPE = SERVICE
  DEFAULT_ROLE = UPSIGNAL_ROLE
  DEFAULT_WAREHOUSE = UPSIGNAL_WH
  DEFAULT_NAMESPACE = ANALYTICS.UPSIGNAL
  -- The public key without its BEGIN/END lines and line breaks.
  RSA_PUBLIC_KEY = 'PASTE_THE_PUBLIC_KEY_HERE'
  COMMENT = 'Upsignal proxy';

GRANT ROLE UPSIGNAL_ROLE TO USER UPSIGNAL_SERVICE;

-- Check: RSA_PUBLIC_KEY_FP must equal the fingerprint of your key (see the docs).
DESC USER UPSIGNAL_SERVICE;

-- Rotating the key later: set the new key as RSA_PUBLIC_KEY_2, switch the proxy to the new
-- private key, then unset the old one.
--   ALTER USER UPSIGNAL_SERVICE SET RSA_PUBLIC_KEY_2 = '…';
--   ALTER USER UPSIGNAL_SERVICE UNSET RSA_PUBLIC_KEY;
