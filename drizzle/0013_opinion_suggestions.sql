CREATE TABLE `opinion_suggestions` (
	`thread_id` integer PRIMARY KEY NOT NULL,
	`replacement` text NOT NULL,
	`suggestion_id` text,
	`applied_by` integer,
	`applied_at` integer,
	`outcome` text,
	`decided_by` integer,
	`decided_at` integer,
	FOREIGN KEY (`thread_id`) REFERENCES `comment_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opinion_suggestions_suggestion_id_unique` ON `opinion_suggestions` (`suggestion_id`);