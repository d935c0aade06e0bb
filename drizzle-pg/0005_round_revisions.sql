-- Each consultation round's revision counter (drizzle/0024_round_revisions.sql): raised on every
-- write that can change what a round's pages and files show, so caches on every instance key on
-- it. The same triggers, by the same names, as on SQLite; PostgreSQL's run trigger functions.
INSERT INTO consultation_round_revisions (round_id, revision) SELECT id, 0 FROM consultation_rounds;
--> statement-breakpoint
-- Starts a round's counter at `first`, or raises it by one.
CREATE FUNCTION lantu_bump_round_revision(round bigint, first bigint) RETURNS void
	LANGUAGE sql
	AS $$
	INSERT INTO consultation_round_revisions (round_id, revision) VALUES (round, first)
	ON CONFLICT (round_id) DO UPDATE SET revision = consultation_round_revisions.revision + 1
$$;
--> statement-breakpoint
-- A thread's or public comment's round, as it is after the write.
CREATE FUNCTION lantu_round_rev_new() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	PERFORM lantu_bump_round_revision(NEW.round_id, 1);
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- …and as it was before it (a deletion, or a thread moved out of a round).
CREATE FUNCTION lantu_round_rev_old() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	PERFORM lantu_bump_round_revision(OLD.round_id, 1);
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- A comment's round is its thread's (none for an internal thread).
CREATE FUNCTION lantu_round_rev_comment() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
DECLARE
	round bigint;
BEGIN
	SELECT round_id INTO round FROM comment_threads
	WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.thread_id ELSE NEW.thread_id END;
	IF round IS NOT NULL THEN
		PERFORM lantu_bump_round_revision(round, 1);
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- The round row itself: a new round starts at 0, a changed one is raised.
CREATE FUNCTION lantu_round_rev_round() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	PERFORM lantu_bump_round_revision(NEW.id, CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE 1 END);
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- Names and frozen versions every round may print: raise them all.
CREATE FUNCTION lantu_round_rev_all() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	UPDATE consultation_round_revisions SET revision = revision + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- A plan's name: its rounds.
CREATE FUNCTION lantu_round_rev_plan() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	UPDATE consultation_round_revisions SET revision = revision + 1
	WHERE round_id IN (SELECT id FROM consultation_rounds WHERE plan_id = NEW.id);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER round_rev_threads_insert AFTER INSERT ON comment_threads
	FOR EACH ROW WHEN (NEW.round_id IS NOT NULL) EXECUTE FUNCTION lantu_round_rev_new();
--> statement-breakpoint
CREATE TRIGGER round_rev_public_insert AFTER INSERT ON public_comments
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_new();
--> statement-breakpoint
CREATE TRIGGER round_rev_comments_insert AFTER INSERT ON comments
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_comment();
--> statement-breakpoint
CREATE TRIGGER round_rev_threads_update AFTER UPDATE ON comment_threads
	FOR EACH ROW WHEN (NEW.round_id IS NOT NULL) EXECUTE FUNCTION lantu_round_rev_new();
--> statement-breakpoint
CREATE TRIGGER round_rev_threads_moved AFTER UPDATE OF round_id ON comment_threads
	FOR EACH ROW WHEN (OLD.round_id IS NOT NULL) EXECUTE FUNCTION lantu_round_rev_old();
--> statement-breakpoint
CREATE TRIGGER round_rev_public_update AFTER UPDATE ON public_comments
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_new();
--> statement-breakpoint
CREATE TRIGGER round_rev_comments_update AFTER UPDATE ON comments
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_comment();
--> statement-breakpoint
CREATE TRIGGER round_rev_threads_delete AFTER DELETE ON comment_threads
	FOR EACH ROW WHEN (OLD.round_id IS NOT NULL) EXECUTE FUNCTION lantu_round_rev_old();
--> statement-breakpoint
CREATE TRIGGER round_rev_public_delete AFTER DELETE ON public_comments
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_old();
--> statement-breakpoint
CREATE TRIGGER round_rev_comments_delete AFTER DELETE ON comments
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_comment();
--> statement-breakpoint
CREATE TRIGGER round_rev_rounds_insert AFTER INSERT ON consultation_rounds
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_round();
--> statement-breakpoint
CREATE TRIGGER round_rev_rounds_update AFTER UPDATE ON consultation_rounds
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_round();
--> statement-breakpoint
CREATE TRIGGER round_rev_users_name AFTER UPDATE OF display_name ON users
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
--> statement-breakpoint
CREATE TRIGGER round_rev_organizations_name AFTER UPDATE OF name ON organizations
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
--> statement-breakpoint
CREATE TRIGGER round_rev_plans_name AFTER UPDATE OF name ON plans
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_plan();
--> statement-breakpoint
CREATE TRIGGER round_rev_version_contents_update AFTER UPDATE ON version_contents
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
--> statement-breakpoint
CREATE TRIGGER round_rev_version_contents_delete AFTER DELETE ON version_contents
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
--> statement-breakpoint
CREATE TRIGGER round_rev_versions_update AFTER UPDATE ON activity_versions
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
--> statement-breakpoint
CREATE TRIGGER round_rev_signatures_insert AFTER INSERT ON activity_signatures
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
--> statement-breakpoint
CREATE TRIGGER round_rev_signatures_update AFTER UPDATE ON activity_signatures
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
--> statement-breakpoint
CREATE TRIGGER round_rev_signatures_delete AFTER DELETE ON activity_signatures
	FOR EACH ROW EXECUTE FUNCTION lantu_round_rev_all();
