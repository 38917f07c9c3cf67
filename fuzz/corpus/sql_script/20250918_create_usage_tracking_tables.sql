-- 20250918_create_usage_tracking_tables
--
-- Usage tracking for Atlas: per-user daily counters (quota and cost), an event log for billing
-- analysis, an error log for monitoring, and a cache of answers to common emotional-intelligence
-- queries.
--
-- No BEGIN/COMMIT here: the migration engine runs each file in its own transaction, and
-- `psql -v ON_ERROR_STOP=1 -f` runs it statement by statement (use --single-transaction there
-- if you want all-or-nothing).
--
-- Objects are created with plain CREATE, not IF NOT EXISTS / OR REPLACE: the down migration drops
-- everything listed here, so this file must fail loudly rather than adopt an object that somebody
-- else created (and that the down migration would then destroy).

-- ---------------------------------------------------------------------------------------------
-- Shared trigger function: keeps updated_at honest for rows that are changed in place.
-- search_path is pinned (Supabase lint "function_search_path_mutable"); the body only needs
-- now(), which lives in pg_catalog and is always found.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION public.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- daily_usage: one row per user per calendar day.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE public.daily_usage (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Usage belongs to the account: deleting the user (e.g. a GDPR erasure) removes it.
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    date date NOT NULL,
    conversation_count integer NOT NULL DEFAULT 0,
    message_count integer NOT NULL DEFAULT 0,
    -- Token counts can outgrow integer for heavy users over long contexts.
    tokens_input bigint NOT NULL DEFAULT 0,
    tokens_output bigint NOT NULL DEFAULT 0,
    tier text NOT NULL DEFAULT 'free',
    -- Money is exact: numeric, never float. Six decimals hold per-token prices.
    api_cost_estimate numeric(12, 6) NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Named explicitly: later migrations (tier renames) drop and re-add them by these names.
    CONSTRAINT daily_usage_tier_check CHECK (tier IN ('free', 'basic', 'premium')),
    CONSTRAINT daily_usage_conversation_count_check CHECK (conversation_count >= 0),
    CONSTRAINT daily_usage_message_count_check CHECK (message_count >= 0),
    CONSTRAINT daily_usage_tokens_input_check CHECK (tokens_input >= 0),
    CONSTRAINT daily_usage_tokens_output_check CHECK (tokens_output >= 0),
    CONSTRAINT daily_usage_api_cost_estimate_check CHECK (api_cost_estimate >= 0),
    -- One row per user and day; counters are incremented in place (upsert on this key).
    CONSTRAINT daily_usage_user_id_date_key UNIQUE (user_id, date)
);

-- "A user's usage, newest day first" needs no extra index: the unique index on (user_id, date)
-- already serves it by scanning backwards, and also covers the foreign key on user_id.
-- Reports across all users ("usage per day") filter on date alone:
CREATE INDEX daily_usage_date_idx ON public.daily_usage (date);

CREATE TRIGGER daily_usage_set_updated_at
    BEFORE UPDATE ON public.daily_usage
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- ---------------------------------------------------------------------------------------------
-- usage_logs: append-only events for billing analysis (one row per billable event).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE public.usage_logs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    event_type text NOT NULL,
    tokens_used integer NOT NULL DEFAULT 0,
    cost numeric(12, 6) NOT NULL DEFAULT 0,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT usage_logs_tokens_used_check CHECK (tokens_used >= 0),
    CONSTRAINT usage_logs_cost_check CHECK (cost >= 0)
);

-- A user's events in a period (invoices, the user's own history); also covers the foreign key.
CREATE INDEX usage_logs_user_id_created_at_idx ON public.usage_logs (user_id, created_at DESC);
-- All events in a period (monthly billing runs, retention clean-up).
CREATE INDEX usage_logs_created_at_idx ON public.usage_logs (created_at);

-- ---------------------------------------------------------------------------------------------
-- error_logs: operational errors for monitoring; user_id is kept only while the user exists.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE public.error_logs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Errors outlive the account that triggered them, but without the link to the person.
    user_id uuid REFERENCES auth.users (id) ON DELETE SET NULL,
    error_type text NOT NULL,
    message text NOT NULL,
    context jsonb NOT NULL DEFAULT '{}'::jsonb,
    severity text NOT NULL DEFAULT 'error',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT error_logs_severity_check
        CHECK (severity IN ('debug', 'info', 'warning', 'error', 'critical'))
);

-- Monitoring reads the newest errors first.
CREATE INDEX error_logs_created_at_idx ON public.error_logs (created_at DESC);
-- Deleting a user sets user_id to NULL here; without an index that is a full scan per user.
CREATE INDEX error_logs_user_id_idx ON public.error_logs (user_id) WHERE user_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- response_cache: answers to common queries, per tier (tiers get different answer depth).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE public.response_cache (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    query_hash text NOT NULL,
    normalized_query text NOT NULL,
    response text NOT NULL,
    tier text NOT NULL DEFAULT 'free',
    hit_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Cache hits bump hit_count in place, so the row has an updated_at like daily_usage.
    updated_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CONSTRAINT response_cache_tier_check CHECK (tier IN ('free', 'basic', 'premium')),
    CONSTRAINT response_cache_hit_count_check CHECK (hit_count >= 0),
    CONSTRAINT response_cache_query_hash_tier_key UNIQUE (query_hash, tier)
);

-- cleanup_expired_cache() deletes by expiry.
CREATE INDEX response_cache_expires_at_idx ON public.response_cache (expires_at);

CREATE TRIGGER response_cache_set_updated_at
    BEFORE UPDATE ON public.response_cache
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- ---------------------------------------------------------------------------------------------
-- Privileges. On Supabase, tables that postgres creates in public are granted ALL to anon,
-- authenticated and service_role by default privileges; RLS then decides which rows. We still
-- narrow the grants so that they tell the same story as the policies (and so that a table
-- without a matching policy cannot be written by a client even if RLS were switched off).
-- service_role gets explicit grants so the file does not depend on those default privileges.
-- ---------------------------------------------------------------------------------------------
REVOKE ALL ON public.daily_usage, public.usage_logs, public.error_logs, public.response_cache
    FROM anon, authenticated;
-- The identity sequences too: inserts into an identity column need no sequence privilege, and
-- with UPDATE on a sequence a client could setval() it back and make the backend's inserts
-- collide with existing ids.
REVOKE ALL ON SEQUENCE public.daily_usage_id_seq, public.usage_logs_id_seq,
    public.error_logs_id_seq, public.response_cache_id_seq
    FROM anon, authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE
    ON public.daily_usage, public.usage_logs, public.error_logs, public.response_cache
    TO service_role;

-- Signed-in users read their own counters and may create/bump today's row from the app.
-- They may write the counters only: tier and api_cost_estimate are decided by the backend
-- (service_role), otherwise a user could record a paid tier or a zero cost for themselves.
-- No DELETE: usage history is not the user's to erase (account deletion cascades instead).
GRANT SELECT ON public.daily_usage TO authenticated;
GRANT INSERT (user_id, date, conversation_count, message_count, tokens_input, tokens_output)
    ON public.daily_usage TO authenticated;
GRANT UPDATE (conversation_count, message_count, tokens_input, tokens_output)
    ON public.daily_usage TO authenticated;

-- Billing events are written by the backend only; users may read their own.
GRANT SELECT ON public.usage_logs TO authenticated;

-- error_logs: nothing for anon/authenticated (already revoked above).

-- The cache is public read (anonymous visitors get cached answers too); writes are backend-only.
GRANT SELECT ON public.response_cache TO anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Row level security. Enabled on every table; a table with RLS and no policy for a role shows
-- that role nothing. service_role has BYPASSRLS and needs no policy.
-- (SELECT auth.uid()) rather than auth.uid(): same meaning, but the planner evaluates it once
-- per statement instead of once per row (Supabase lint "auth_rls_initplan").
-- ---------------------------------------------------------------------------------------------
ALTER TABLE public.daily_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.usage_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.error_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.response_cache ENABLE ROW LEVEL SECURITY;

CREATE POLICY daily_usage_select_own ON public.daily_usage
    FOR SELECT TO authenticated
    USING ((SELECT auth.uid()) = user_id);

CREATE POLICY daily_usage_insert_own ON public.daily_usage
    FOR INSERT TO authenticated
    WITH CHECK ((SELECT auth.uid()) = user_id);

-- USING picks the rows a user may touch, WITH CHECK stops moving a row to another user.
CREATE POLICY daily_usage_update_own ON public.daily_usage
    FOR UPDATE TO authenticated
    USING ((SELECT auth.uid()) = user_id)
    WITH CHECK ((SELECT auth.uid()) = user_id);

CREATE POLICY usage_logs_select_own ON public.usage_logs
    FOR SELECT TO authenticated
    USING ((SELECT auth.uid()) = user_id);

-- Expired entries are hidden from clients: serving them would be a stale answer, and they are
-- about to be removed by cleanup_expired_cache() anyway.
CREATE POLICY response_cache_public_read ON public.response_cache
    FOR SELECT TO anon, authenticated
    USING (expires_at > now());

-- ---------------------------------------------------------------------------------------------
-- cleanup_expired_cache(): removes expired cache rows, returns how many. Run hourly by pg_cron
-- (see 20251002091500_schedule_cache_cleanup) or by the backend.
-- SECURITY DEFINER so the caller needs no DELETE privilege on the table; therefore the
-- search_path is empty (every name in the body is schema-qualified) and only service_role may
-- call it: default privileges would otherwise let anon call it through the API.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION public.cleanup_expired_cache()
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    removed integer;
BEGIN
    DELETE FROM public.response_cache WHERE expires_at <= now();
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$;

REVOKE EXECUTE ON FUNCTION public.cleanup_expired_cache() FROM PUBLIC, anon, authenticated;
GRANT EXECUTE ON FUNCTION public.cleanup_expired_cache() TO service_role;
