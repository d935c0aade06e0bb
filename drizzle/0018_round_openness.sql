CREATE TABLE `pow_secrets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `consultation_rounds` ADD `opinions_public` integer DEFAULT false NOT NULL;