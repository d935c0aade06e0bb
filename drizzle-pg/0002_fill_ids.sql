-- Every table with an autoincrement id fills a NULL id from its sequence (lantu_fill_id, 0000).
-- A table with an autoincrement id added later gets its trigger in its own migration (schema-parity.test.ts checks).
CREATE TRIGGER "activity_signatures_fill_id" BEFORE INSERT ON "activity_signatures" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('activity_signatures_id_seq');
--> statement-breakpoint
CREATE TRIGGER "activity_versions_fill_id" BEFORE INSERT ON "activity_versions" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('activity_versions_id_seq');
--> statement-breakpoint
CREATE TRIGGER "audit_log_fill_id" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('audit_log_id_seq');
--> statement-breakpoint
CREATE TRIGGER "comment_threads_fill_id" BEFORE INSERT ON "comment_threads" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('comment_threads_id_seq');
--> statement-breakpoint
CREATE TRIGGER "comments_fill_id" BEFORE INSERT ON "comments" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('comments_id_seq');
--> statement-breakpoint
CREATE TRIGGER "consultation_opinion_index_fill_id" BEFORE INSERT ON "consultation_opinion_index" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('consultation_opinion_index_id_seq');
--> statement-breakpoint
CREATE TRIGGER "consultation_rounds_fill_id" BEFORE INSERT ON "consultation_rounds" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('consultation_rounds_id_seq');
--> statement-breakpoint
CREATE TRIGGER "document_updates_fill_id" BEFORE INSERT ON "document_updates" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('document_updates_id_seq');
--> statement-breakpoint
CREATE TRIGGER "document_versions_fill_id" BEFORE INSERT ON "document_versions" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('document_versions_id_seq');
--> statement-breakpoint
CREATE TRIGGER "invites_fill_id" BEFORE INSERT ON "invites" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('invites_id_seq');
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_fill_id" BEFORE INSERT ON "mail_outbox" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('mail_outbox_id_seq');
--> statement-breakpoint
CREATE TRIGGER "notifications_fill_id" BEFORE INSERT ON "notifications" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('notifications_id_seq');
--> statement-breakpoint
CREATE TRIGGER "organizations_fill_id" BEFORE INSERT ON "organizations" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('organizations_id_seq');
--> statement-breakpoint
CREATE TRIGGER "participation_objections_fill_id" BEFORE INSERT ON "participation_objections" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('participation_objections_id_seq');
--> statement-breakpoint
CREATE TRIGGER "plans_fill_id" BEFORE INSERT ON "plans" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('plans_id_seq');
--> statement-breakpoint
CREATE TRIGGER "pow_secrets_fill_id" BEFORE INSERT ON "pow_secrets" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('pow_secrets_id_seq');
--> statement-breakpoint
CREATE TRIGGER "prior_feedback_fill_id" BEFORE INSERT ON "prior_feedback" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('prior_feedback_id_seq');
--> statement-breakpoint
CREATE TRIGGER "public_comments_fill_id" BEFORE INSERT ON "public_comments" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('public_comments_id_seq');
--> statement-breakpoint
CREATE TRIGGER "return_opinions_fill_id" BEFORE INSERT ON "return_opinions" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('return_opinions_id_seq');
--> statement-breakpoint
CREATE TRIGGER "users_fill_id" BEFORE INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION lantu_fill_id('users_id_seq');
