ALTER TABLE `activity_policies` ADD `consultation_waiver` text;--> statement-breakpoint
ALTER TABLE `activity_policies` ADD `mode` text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE `activity_policies` ADD `threshold` integer;--> statement-breakpoint
ALTER TABLE `activity_policies` ADD `deadline_days` integer;--> statement-breakpoint
ALTER TABLE `activity_signatures` ADD `decision` text;--> statement-breakpoint
ALTER TABLE `activity_signatures` ADD `opinion` text;--> statement-breakpoint
ALTER TABLE `activity_versions` ADD `consultation_waiver` text;