CREATE TABLE `step_reminders` (
	`plan_id` integer NOT NULL,
	`activity` text NOT NULL,
	`version_id` integer NOT NULL,
	`stage` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`plan_id`, `activity`, `version_id`, `stage`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `activity_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `activity_policies` ADD `consultation_waiver` text;--> statement-breakpoint
ALTER TABLE `activity_policies` ADD `mode` text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE `activity_policies` ADD `threshold` integer;--> statement-breakpoint
ALTER TABLE `activity_policies` ADD `deadline_days` integer;--> statement-breakpoint
ALTER TABLE `activity_signatures` ADD `decision` text;--> statement-breakpoint
ALTER TABLE `activity_signatures` ADD `opinion` text;--> statement-breakpoint
ALTER TABLE `activity_versions` ADD `consultation_waiver` text;