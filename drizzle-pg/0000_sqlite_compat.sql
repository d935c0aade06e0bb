-- SQLite-dialect SQL runs on PostgreSQL (issue 20, docs/POSTGRES.md "The schema on PostgreSQL"):
-- drizzle's SQLite dialect keeps building Lantu's queries, inlines SQLite column defaults into its
-- INSERTs, and the raw statements in src/ are SQLite's. These functions give PostgreSQL what it
-- lacks, with SQLite's meaning — only those the code uses. They live in schema public, before the
-- tables, whose defaults call unixepoch().
--
-- unixepoch(): the current Unix time in whole seconds, as SQLite's. SQLite fixes 'now' for one
-- statement; statement_timestamp() is fixed the same way (not per transaction, as now() is).
CREATE FUNCTION unixepoch() RETURNS bigint
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT floor(extract(epoch FROM statement_timestamp()))::bigint $$;
--> statement-breakpoint
-- unixepoch('subsec'): the same with milliseconds, as SQLite gives them (its clock has millisecond
-- precision). schema.ts's `now()` default is `(unixepoch('subsec') * 1000)`; the double precision
-- result is rounded to the millisecond when stored in a bigint column. Any other argument (a date,
-- a modifier) is refused rather than read differently from SQLite.
CREATE FUNCTION unixepoch(time_value text) RETURNS double precision
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$
BEGIN
	IF lower(time_value) IN ('subsec', 'subsecond') THEN
		RETURN (floor(extract(epoch FROM statement_timestamp()) * 1000) / 1000)::double precision;
	ELSIF lower(time_value) = 'now' THEN
		RETURN floor(extract(epoch FROM statement_timestamp()))::double precision;
	END IF;
	RAISE EXCEPTION 'unixepoch(%): only ''subsec'' and ''now'' are supported', time_value
		USING ERRCODE = 'feature_not_supported';
END
$$;
--> statement-breakpoint
-- sum(boolean): SQLite's comparisons are 0/1 integers, so `sum(disposition IS NULL)` counts rows
-- (consultation/answer-queue.ts). As SQLite's sum: NULL over no rows, NULLs skipped.
CREATE FUNCTION lantu_sum_boolean(total bigint, value boolean) RETURNS bigint
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT CASE WHEN value IS NULL THEN total ELSE coalesce(total, 0) + value::integer END $$;
--> statement-breakpoint
CREATE AGGREGATE sum(boolean) (SFUNC = lantu_sum_boolean, STYPE = bigint);
--> statement-breakpoint
-- json_each(text): SQLite's table-valued json_each over a JSON array given as a text parameter, as
-- in `id IN (SELECT value FROM json_each(?))` (consultation/answer-queue.ts passes id lists this
-- way). PostgreSQL's own json_each takes json objects and yields json values; this one takes the
-- text (an untyped parameter resolves to it) and yields each element as a number, comparable with
-- the bigint ids. Only arrays of numbers are accepted: anything else fails the statement.
CREATE FUNCTION json_each(document text) RETURNS TABLE (key bigint, value numeric)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$
	SELECT ordinality - 1, (element #>> '{}')::numeric
	FROM jsonb_array_elements(document::jsonb) WITH ORDINALITY AS e(element, ordinality)
$$;
--> statement-breakpoint
-- SQLite's AUTOINCREMENT for drizzle's SQLite dialect, which sends an explicit NULL for an omitted
-- id (SQLite turns it into a new rowid; PostgreSQL would refuse it). Each table with a bigserial
-- `id` calls this from a BEFORE INSERT trigger given the table's sequence (drizzle-pg/0002_fill_ids.sql,
-- and one for every such table added later — schema-parity.test.ts checks): NULL takes the next id
-- of the sequence; an explicit id (rows copied from SQLite, a fixture) moves the sequence past it,
-- as SQLite's AUTOINCREMENT never hands out an id below one already used. The sequence is an
-- argument rather than looked up per row: document_updates takes this on every edit.
CREATE FUNCTION lantu_fill_id() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
DECLARE
	seq regclass := TG_ARGV[0]::regclass;
BEGIN
	IF NEW.id IS NULL THEN
		NEW.id := nextval(seq);
	ELSIF NEW.id > coalesce(pg_sequence_last_value(seq), 0) THEN
		PERFORM setval(seq, NEW.id);
	END IF;
	RETURN NEW;
END
$$;
