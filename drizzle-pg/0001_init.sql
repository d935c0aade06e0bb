CREATE TABLE "activity_policies" (
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"departments" text NOT NULL,
	"enterprise_count" bigint NOT NULL,
	"resident_count" bigint NOT NULL,
	"approver_id" bigint,
	"consultation_waiver" text,
	"mode" text DEFAULT 'all' NOT NULL,
	"threshold" bigint,
	"threshold_percent" bigint,
	"deadline_days" bigint,
	"updated_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "activity_policies_plan_id_activity_pk" PRIMARY KEY("plan_id","activity")
);
--> statement-breakpoint
CREATE TABLE "activity_signatures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"version_id" bigint NOT NULL,
	"hash" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" bigint NOT NULL,
	"organization_id" bigint NOT NULL,
	"participant" text,
	"decision" text,
	"opinion" text,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"milestone" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"waiver" text,
	"consultation_waiver" text,
	"created_by" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	"superseded_at" bigint
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor_id" bigint,
	"action" text NOT NULL,
	"plan_id" bigint,
	"target" text,
	"details" text NOT NULL,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_mentions" (
	"comment_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	CONSTRAINT "comment_mentions_comment_id_user_id_pk" PRIMARY KEY("comment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "comment_threads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"clause" text NOT NULL,
	"anchor_kind" text NOT NULL,
	"fragment" text,
	"anchor_start" text,
	"anchor_end" text,
	"block_key" text,
	"row_id" text,
	"suggestion_id" text,
	"quote" text DEFAULT '' NOT NULL,
	"context_before" text DEFAULT '' NOT NULL,
	"context_after" text DEFAULT '' NOT NULL,
	"author_id" bigint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" bigint,
	"resolved_at" bigint,
	"round_id" bigint,
	"stance" text,
	"disposition" text,
	"disposition_reason" text,
	"disposition_by" bigint,
	"disposition_at" bigint,
	"organization_id" bigint,
	"participant_type" text,
	"answer_seen_at" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	"updated_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"thread_id" bigint NOT NULL,
	"author_id" bigint NOT NULL,
	"body" text NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compaction_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_opinion_index" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"thread_id" bigint,
	"public_comment_id" bigint,
	"signature" "bytea" NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_round_revisions" (
	"round_id" bigint PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_rounds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"version_id" bigint NOT NULL,
	"groups" text NOT NULL,
	"opens_at" bigint NOT NULL,
	"closes_at" bigint NOT NULL,
	"days" bigint NOT NULL,
	"short_reason" text,
	"public_token" text,
	"created_by" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	"closed_at" bigint,
	"closed_by" bigint,
	"close_reason" text,
	"end_notified_at" bigint,
	"opinions_public" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_snapshots" (
	"name" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"last_update_id" bigint NOT NULL,
	"updated_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "document_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"update" "bytea" NOT NULL,
	"user_id" bigint,
	"at" bigint NOT NULL,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"update_id" bigint NOT NULL,
	"restored_up_to" bigint,
	"before_update_id" bigint,
	"user_id" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"plan_id" bigint NOT NULL,
	"organization_id" bigint NOT NULL,
	"role" text NOT NULL,
	"created_by" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"used_by" bigint,
	"revoked_at" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"sent_at" bigint,
	"failed_at" bigint,
	"last_error" text,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manual_checks" (
	"plan_id" bigint NOT NULL,
	"check_id" text NOT NULL,
	"digest" text NOT NULL,
	"confirmed_by" bigint NOT NULL,
	"confirmed_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "manual_checks_plan_id_check_id_pk" PRIMARY KEY("plan_id","check_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"plan_id" bigint,
	"clause" text,
	"thread_id" bigint,
	"comment_id" bigint,
	"round_id" bigint,
	"actor_id" bigint,
	"link" text NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"read_at" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_suggestions" (
	"thread_id" bigint PRIMARY KEY NOT NULL,
	"replacement" text NOT NULL,
	"suggestion_id" text,
	"applied_by" bigint,
	"applied_at" bigint,
	"outcome" text,
	"decided_by" bigint,
	"decided_at" bigint,
	CONSTRAINT "opinion_suggestions_suggestion_id_unique" UNIQUE("suggestion_id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "organizations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "participation_objections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"signature_id" bigint NOT NULL,
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"clause" text,
	"answer" text,
	"answered_by" bigint,
	"answered_organization_id" bigint,
	"answered_at" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "participation_objections_signature_id_unique" UNIQUE("signature_id")
);
--> statement-breakpoint
CREATE TABLE "plan_activities" (
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"state" text DEFAULT 'drafting' NOT NULL,
	"current_version_id" bigint,
	"approved_version_id" bigint,
	"updated_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "plan_activities_plan_id_activity_pk" PRIMARY KEY("plan_id","activity")
);
--> statement-breakpoint
CREATE TABLE "plan_images" (
	"plan_id" bigint NOT NULL,
	"hash" text NOT NULL,
	"mime" text NOT NULL,
	"width" bigint NOT NULL,
	"height" bigint NOT NULL,
	"size" bigint NOT NULL,
	"bytes" "bytea" NOT NULL,
	"clause" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "plan_images_plan_id_hash_pk" PRIMARY KEY("plan_id","hash")
);
--> statement-breakpoint
CREATE TABLE "plan_members" (
	"plan_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"role" text NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "plan_members_plan_id_user_id_role_pk" PRIMARY KEY("plan_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"lead_organization_id" bigint NOT NULL,
	"period_start" bigint NOT NULL,
	"period_end" bigint NOT NULL,
	"horizon_year" bigint,
	"suggestions_open" bigint DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pow_secrets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prior_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"from_activity" text,
	"version_id" bigint,
	"user_id" bigint NOT NULL,
	"organization_id" bigint,
	"clause" text,
	"block_key" text,
	"row_id" text,
	"row_label" text,
	"quote" text,
	"text" text NOT NULL,
	"disposition" text,
	"resolution" text,
	"answer" text,
	"answered_by" bigint,
	"answered_at" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"clause" text NOT NULL,
	"part" text NOT NULL,
	"start_offset" bigint NOT NULL,
	"end_offset" bigint NOT NULL,
	"quote" text NOT NULL,
	"stance" text NOT NULL,
	"body" text NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"ip_hash" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"moderated_by" bigint,
	"moderated_at" bigint,
	"hidden_reason" text,
	"disposition" text,
	"disposition_reason" text,
	"disposition_by" bigint,
	"disposition_at" bigint,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" bigint DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
CREATE TABLE "return_opinions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"signature_id" bigint NOT NULL,
	"plan_id" bigint NOT NULL,
	"clause" text,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "section_assignments" (
	"plan_id" bigint NOT NULL,
	"clause" text NOT NULL,
	"organization_id" bigint NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "section_assignments_plan_id_clause_organization_id_pk" PRIMARY KEY("plan_id","clause","organization_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"absolute_expires_at" bigint NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_reminders" (
	"plan_id" bigint NOT NULL,
	"activity" text NOT NULL,
	"version_id" bigint NOT NULL,
	"stage" text NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "step_reminders_plan_id_activity_version_id_stage_pk" PRIMARY KEY("plan_id","activity","version_id","stage")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"organization_id" bigint NOT NULL,
	"is_system_admin" bigint DEFAULT 0 NOT NULL,
	"disabled_at" bigint,
	"password_changed_at" bigint,
	"email" text,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "version_contents" (
	"hash" text PRIMARY KEY NOT NULL,
	"payload" text NOT NULL,
	"created_at" bigint DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_policies" ADD CONSTRAINT "activity_policies_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_policies" ADD CONSTRAINT "activity_policies_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signatures" ADD CONSTRAINT "activity_signatures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signatures" ADD CONSTRAINT "activity_signatures_version_id_activity_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."activity_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signatures" ADD CONSTRAINT "activity_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signatures" ADD CONSTRAINT "activity_signatures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_versions" ADD CONSTRAINT "activity_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_versions" ADD CONSTRAINT "activity_versions_hash_version_contents_hash_fk" FOREIGN KEY ("hash") REFERENCES "public"."version_contents"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_versions" ADD CONSTRAINT "activity_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_disposition_by_users_id_fk" FOREIGN KEY ("disposition_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_thread_id_comment_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comment_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinion_index" ADD CONSTRAINT "consultation_opinion_index_round_id_consultation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."consultation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinion_index" ADD CONSTRAINT "consultation_opinion_index_thread_id_comment_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comment_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinion_index" ADD CONSTRAINT "consultation_opinion_index_public_comment_id_public_comments_id_fk" FOREIGN KEY ("public_comment_id") REFERENCES "public"."public_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_rounds" ADD CONSTRAINT "consultation_rounds_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_rounds" ADD CONSTRAINT "consultation_rounds_version_id_activity_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."activity_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_rounds" ADD CONSTRAINT "consultation_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_rounds" ADD CONSTRAINT "consultation_rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_updates" ADD CONSTRAINT "document_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_checks" ADD CONSTRAINT "manual_checks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_checks" ADD CONSTRAINT "manual_checks_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_thread_id_comment_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comment_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_suggestions" ADD CONSTRAINT "opinion_suggestions_thread_id_comment_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comment_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_suggestions" ADD CONSTRAINT "opinion_suggestions_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_suggestions" ADD CONSTRAINT "opinion_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_objections" ADD CONSTRAINT "participation_objections_signature_id_activity_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."activity_signatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_objections" ADD CONSTRAINT "participation_objections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_objections" ADD CONSTRAINT "participation_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_objections" ADD CONSTRAINT "participation_objections_answered_organization_id_organizations_id_fk" FOREIGN KEY ("answered_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_images" ADD CONSTRAINT "plan_images_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_images" ADD CONSTRAINT "plan_images_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_members" ADD CONSTRAINT "plan_members_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_members" ADD CONSTRAINT "plan_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_feedback" ADD CONSTRAINT "prior_feedback_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_feedback" ADD CONSTRAINT "prior_feedback_version_id_activity_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."activity_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_feedback" ADD CONSTRAINT "prior_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_feedback" ADD CONSTRAINT "prior_feedback_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_feedback" ADD CONSTRAINT "prior_feedback_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_round_id_consultation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."consultation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_disposition_by_users_id_fk" FOREIGN KEY ("disposition_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_opinions" ADD CONSTRAINT "return_opinions_signature_id_activity_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."activity_signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_opinions" ADD CONSTRAINT "return_opinions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_assignments" ADD CONSTRAINT "section_assignments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_assignments" ADD CONSTRAINT "section_assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_reminders" ADD CONSTRAINT "step_reminders_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_reminders" ADD CONSTRAINT "step_reminders_version_id_activity_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."activity_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_signatures_plan_idx" ON "activity_signatures" USING btree ("plan_id","activity");--> statement-breakpoint
CREATE INDEX "activity_versions_plan_idx" ON "activity_versions" USING btree ("plan_id","activity");--> statement-breakpoint
CREATE INDEX "audit_plan_idx" ON "audit_log" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "comment_threads_section_idx" ON "comment_threads" USING btree ("plan_id","clause","status");--> statement-breakpoint
CREATE INDEX "comment_threads_round_idx" ON "comment_threads" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "comment_threads_round_clause_idx" ON "comment_threads" USING btree ("round_id","clause","disposition","stance","participant_type");--> statement-breakpoint
CREATE INDEX "comments_thread_idx" ON "comments" USING btree ("thread_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_opinion_index_thread_idx" ON "consultation_opinion_index" USING btree ("thread_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_opinion_index_public_idx" ON "consultation_opinion_index" USING btree ("public_comment_id");--> statement-breakpoint
CREATE INDEX "consultation_opinion_index_round_idx" ON "consultation_opinion_index" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "consultation_rounds_plan_idx" ON "consultation_rounds" USING btree ("plan_id","activity");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_rounds_token_idx" ON "consultation_rounds" USING btree ("public_token");--> statement-breakpoint
CREATE INDEX "document_updates_name_idx" ON "document_updates" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "document_versions_name_idx" ON "document_versions" USING btree ("name","update_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invites_token_idx" ON "invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invites_plan_idx" ON "invites" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("sent_at","failed_at","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","id");--> statement-breakpoint
CREATE INDEX "participation_objections_plan_idx" ON "participation_objections" USING btree ("plan_id","activity");--> statement-breakpoint
CREATE INDEX "plan_members_user_idx" ON "plan_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "prior_feedback_plan_idx" ON "prior_feedback" USING btree ("plan_id","activity");--> statement-breakpoint
CREATE INDEX "public_comments_round_idx" ON "public_comments" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "public_comments_round_clause_idx" ON "public_comments" USING btree ("round_id","status","clause","disposition","stance");--> statement-breakpoint
CREATE INDEX "return_opinions_plan_idx" ON "return_opinions" USING btree ("plan_id","clause");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");