CREATE TABLE `consultation_opinion_index` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`thread_id` integer,
	`public_comment_id` integer,
	`signature` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `consultation_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `comment_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`public_comment_id`) REFERENCES `public_comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_opinion_index_thread_idx` ON `consultation_opinion_index` (`thread_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_opinion_index_public_idx` ON `consultation_opinion_index` (`public_comment_id`);--> statement-breakpoint
CREATE INDEX `consultation_opinion_index_round_idx` ON `consultation_opinion_index` (`round_id`);--> statement-breakpoint
CREATE INDEX `comment_threads_round_clause_idx` ON `comment_threads` (`round_id`,`clause`,`disposition`,`stance`,`participant_type`);--> statement-breakpoint
CREATE INDEX `public_comments_round_clause_idx` ON `public_comments` (`round_id`,`status`,`clause`,`disposition`,`stance`);--> statement-breakpoint
-- The opinions' words, split with Intl.Segmenter at write time and joined by spaces, so that
-- unicode61 (which splits on spaces) keeps each word whole: "数据" is one token. rowid = the
-- consultation_opinion_index row's id.
CREATE VIRTUAL TABLE `consultation_opinion_fts` USING fts5(`words`, tokenize = 'unicode61');
--> statement-breakpoint
CREATE TRIGGER `consultation_opinion_index_fts_delete` AFTER DELETE ON `consultation_opinion_index` BEGIN
	DELETE FROM `consultation_opinion_fts` WHERE rowid = old.id;
END;
