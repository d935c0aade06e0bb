-- The audit log is append-only (drizzle/0001_audit_append_only.sql): refuse edits and deletions
-- made through SQL, with SQLite's message. The hash chain is what proves integrity (someone with
-- the database can drop these triggers); these stop honest mistakes. PostgreSQL's TRUNCATE skips
-- row triggers, so it is refused too. The trigger names are SQLite's.
CREATE FUNCTION lantu_audit_append_only() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION lantu_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION lantu_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION lantu_audit_append_only();
