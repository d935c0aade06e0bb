CREATE TABLE `activity_policies` (
	`plan_id` integer NOT NULL,
	`activity` text NOT NULL,
	`departments` text NOT NULL,
	`enterprise_count` integer NOT NULL,
	`resident_count` integer NOT NULL,
	`approver_id` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`plan_id`, `activity`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `activity_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`activity` text NOT NULL,
	`version_id` integer NOT NULL,
	`hash` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`participant` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `activity_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_signatures_plan_idx` ON `activity_signatures` (`plan_id`,`activity`);--> statement-breakpoint
CREATE TABLE `activity_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`activity` text NOT NULL,
	`milestone` text NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`waiver` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`superseded_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hash`) REFERENCES `version_contents`(`hash`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_versions_plan_idx` ON `activity_versions` (`plan_id`,`activity`);--> statement-breakpoint
CREATE TABLE `prior_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`activity` text NOT NULL,
	`version_id` integer,
	`user_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `activity_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prior_feedback_plan_idx` ON `prior_feedback` (`plan_id`,`activity`);--> statement-breakpoint
CREATE TABLE `return_opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signature_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`clause` text,
	`text` text NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `activity_signatures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `return_opinions_plan_idx` ON `return_opinions` (`plan_id`,`clause`);--> statement-breakpoint
CREATE TABLE `version_contents` (
	`hash` text PRIMARY KEY NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `plan_activities` ADD `current_version_id` integer;--> statement-breakpoint
ALTER TABLE `plan_activities` ADD `approved_version_id` integer;