ALTER TABLE `prior_feedback` ADD `from_activity` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `organization_id` integer REFERENCES organizations(id);--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `clause` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `block_key` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `row_id` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `row_label` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `quote` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `disposition` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `resolution` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `answer` text;--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `answered_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `prior_feedback` ADD `answered_at` integer;