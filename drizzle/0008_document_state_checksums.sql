ALTER TABLE `document_snapshots` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `document_updates` ADD `hash` text;