-- The update log's order on PostgreSQL (docs/POSTGRES.md, "The update log's order"). Ids come from
-- a sequence, and instances append without the writer lock: one instance can take id 100, another
-- 101 and commit first. A reader that records "folded up to the highest id I saw" (the compactor's
-- snapshot watermark) would then see 101 without 100, and 100, committed later below the
-- watermark, would never be loaded again. Every INSERT into the log therefore holds this shared
-- advisory lock (key 0x1a7f = 6783; not the writer lock 0x1a7e, not the compactor's 7807) from
-- before its first row takes an id — a statement-level BEFORE trigger fires before the INSERT
-- evaluates any row — until its transaction ends. A reader that needs every id below the ones it
-- sees takes the same lock exclusively: it waits for the appends in flight to commit, and appends
-- that start later wait for it and take higher ids.
CREATE FUNCTION lantu_update_log_order() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	PERFORM pg_advisory_xact_lock_shared(6783);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "document_updates_order" BEFORE INSERT ON "document_updates"
	FOR EACH STATEMENT EXECUTE FUNCTION lantu_update_log_order();
