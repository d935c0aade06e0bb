/**
 * What the workflow and version pages show of 5.1.3 feedback for one member: on activity N, the
 * form to file feedback on N−1's 定稿 (sections and rows from the verified version) and what N's
 * people filed; on N−1, what was received, each with whether the member may answer it.
 */
import { feedbackRows, type FeedbackRow } from '../../feedback/anchor.ts';
import { canFileFeedback, feedbackWindowRefusal } from '../../policy/index.ts';
import type { Activity } from '../../standard/sections.ts';
import { getMembership } from '../access.ts';
import { loadVerifiedVersion } from '../workflow/integrity.ts';
import { activityOwners, feedbackFacts } from './facts.ts';
import { feedbackAbout, feedbackOnVersion, type FeedbackItem } from './queries.ts';
import { mayAnswer, mayReopen } from './service.ts';

export interface FilingSection {
	clause: string;
	title: string;
	rows: FeedbackRow[];
}

/** The filing form's choices: N−1's 定稿 sections with their rows; null when it cannot be read. */
function filingSections(versionId: number): FilingSection[] | null {
	const verified = loadVerifiedVersion(versionId);
	if (!verified?.ok) return null;
	return verified.payload.sections.map((s) => ({
		clause: s.clause,
		title: s.title,
		rows: feedbackRows(s.rendering)
	}));
}

export function feedbackView(planId: number, activity: Activity, userId: number) {
	const membership = getMembership(planId, userId);
	const facts = feedbackFacts(planId, activity);
	const open =
		feedbackWindowRefusal(facts.state, facts.previousState) === null &&
		facts.previousVersionId !== null;
	const mayFile = open && canFileFeedback(membership, activityOwners(planId, activity));
	const filed = facts.previous
		? feedbackAbout(planId, facts.previous).filter((x) => x.fromActivity === activity)
		: [];
	const received = feedbackAbout(planId, activity).map((x) => withAnswering(planId, userId, x));
	return {
		/** N−1's 定稿 sections to file on; null when this member cannot file now. */
		filing: mayFile && facts.previousVersionId ? filingSections(facts.previousVersionId) : null,
		filed,
		received,
		/** Whether answering 采纳 may reopen this activity now (plan admins, approved). */
		mayReopen: received.some((x) => x.mayAnswer) && mayReopen(planId, userId, activity)
	};
}

function withAnswering(planId: number, userId: number, item: FeedbackItem) {
	return {
		...item,
		mayAnswer: !item.disposition && !!item.clause && mayAnswer(planId, userId, item.clause)
	};
}

/** The version page: feedback filed on this version (a 定稿 of N−1). */
export function versionFeedback(planId: number, versionId: number): FeedbackItem[] {
	return feedbackOnVersion(planId, versionId);
}
