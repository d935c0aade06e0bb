CREATE TABLE `consultation_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`activity` text NOT NULL,
	`version_id` integer NOT NULL,
	`groups` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`days` integer NOT NULL,
	`short_reason` text,
	`public_token` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`closed_at` integer,
	`closed_by` integer,
	`end_notified_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `activity_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_rounds_plan_idx` ON `consultation_rounds` (`plan_id`,`activity`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_rounds_token_idx` ON `consultation_rounds` (`public_token`);--> statement-breakpoint
CREATE TABLE `public_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`clause` text NOT NULL,
	`part` text NOT NULL,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	`quote` text NOT NULL,
	`stance` text NOT NULL,
	`body` text NOT NULL,
	`name` text NOT NULL,
	`contact` text,
	`ip_hash` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`moderated_by` integer,
	`moderated_at` integer,
	`hidden_reason` text,
	`disposition` text,
	`disposition_reason` text,
	`disposition_by` integer,
	`disposition_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `consultation_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disposition_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `public_comments_round_idx` ON `public_comments` (`round_id`,`status`);--> statement-breakpoint
ALTER TABLE `comment_threads` ADD `organization_id` integer REFERENCES organizations(id);--> statement-breakpoint
ALTER TABLE `comment_threads` ADD `participant_type` text;--> statement-breakpoint
ALTER TABLE `comment_threads` ADD `answer_seen_at` integer;