CREATE TABLE `manual_checks` (
	`plan_id` integer NOT NULL,
	`check_id` text NOT NULL,
	`digest` text NOT NULL,
	`confirmed_by` integer NOT NULL,
	`confirmed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`plan_id`, `check_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
