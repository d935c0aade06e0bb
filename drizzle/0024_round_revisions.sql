CREATE TABLE `consultation_round_revisions` (
	`round_id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT `id`, 0 FROM `consultation_rounds`;
--> statement-breakpoint
CREATE TRIGGER `round_rev_threads_insert` AFTER INSERT ON `comment_threads` FOR EACH ROW WHEN NEW.`round_id` IS NOT NULL BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT NEW.`round_id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_public_insert` AFTER INSERT ON `public_comments` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT NEW.`round_id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_comments_insert` AFTER INSERT ON `comments` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT `round_id`, 1 FROM `comment_threads` WHERE `id` = NEW.`thread_id` AND `round_id` IS NOT NULL ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_threads_update` AFTER UPDATE ON `comment_threads` FOR EACH ROW WHEN NEW.`round_id` IS NOT NULL BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT NEW.`round_id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_threads_moved` AFTER UPDATE OF `round_id` ON `comment_threads` FOR EACH ROW WHEN OLD.`round_id` IS NOT NULL BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT OLD.`round_id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_public_update` AFTER UPDATE ON `public_comments` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT NEW.`round_id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_comments_update` AFTER UPDATE ON `comments` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT `round_id`, 1 FROM `comment_threads` WHERE `id` = NEW.`thread_id` AND `round_id` IS NOT NULL ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_threads_delete` AFTER DELETE ON `comment_threads` FOR EACH ROW WHEN OLD.`round_id` IS NOT NULL BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT OLD.`round_id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_public_delete` AFTER DELETE ON `public_comments` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT OLD.`round_id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_comments_delete` AFTER DELETE ON `comments` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT `round_id`, 1 FROM `comment_threads` WHERE `id` = OLD.`thread_id` AND `round_id` IS NOT NULL ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_rounds_insert` AFTER INSERT ON `consultation_rounds` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT NEW.`id`, 0 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_rounds_update` AFTER UPDATE ON `consultation_rounds` FOR EACH ROW BEGIN
	INSERT INTO `consultation_round_revisions` (`round_id`, `revision`) SELECT NEW.`id`, 1 WHERE true ON CONFLICT (`round_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_users_name` AFTER UPDATE OF `display_name` ON `users` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_organizations_name` AFTER UPDATE OF `name` ON `organizations` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_plans_name` AFTER UPDATE OF `name` ON `plans` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1 WHERE `round_id` IN (SELECT `id` FROM `consultation_rounds` WHERE `plan_id` = NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_version_contents_update` AFTER UPDATE ON `version_contents` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_version_contents_delete` AFTER DELETE ON `version_contents` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_versions_update` AFTER UPDATE ON `activity_versions` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_signatures_insert` AFTER INSERT ON `activity_signatures` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_signatures_update` AFTER UPDATE ON `activity_signatures` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `round_rev_signatures_delete` AFTER DELETE ON `activity_signatures` FOR EACH ROW BEGIN
	UPDATE `consultation_round_revisions` SET `revision` = `revision` + 1;
END;
