CREATE TABLE `participation_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signature_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`activity` text NOT NULL,
	`clause` text,
	`answer` text,
	`answered_by` integer,
	`answered_organization_id` integer,
	`answered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `activity_signatures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participation_objections_signature_id_unique` ON `participation_objections` (`signature_id`);--> statement-breakpoint
CREATE INDEX `participation_objections_plan_idx` ON `participation_objections` (`plan_id`,`activity`);