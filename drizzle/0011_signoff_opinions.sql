ALTER TABLE `activity_policies` ADD `consultation_waiver` text;--> statement-breakpoint
ALTER TABLE `activity_signatures` ADD `decision` text;--> statement-breakpoint
ALTER TABLE `activity_signatures` ADD `opinion` text;--> statement-breakpoint
ALTER TABLE `activity_versions` ADD `consultation_waiver` text;