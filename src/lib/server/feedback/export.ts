/**
 * 5.1.3 feedback as the export's sign-off appendix prints it: per activity it is about, filed on
 * the exported version (a frozen export: the version's own hash; the draft: all of the plan's).
 */
import { chapterTitle } from '../../export/model.ts';
import type { FeedbackRecord } from '../../export/types.ts';
import { WORDS } from '../../export/vocabulary.ts';
import { formatDateTime } from '../../dates.ts';
import { config } from '../config.ts';
import { ACTIVITY_CHAPTER, type Activity } from '../../standard/sections.ts';
import { feedbackOfPlan, type FeedbackItem } from './queries.ts';

const ACTIVITY_WORDS = (a: Activity) => chapterTitle(ACTIVITY_CHAPTER[a]);

function decisionOf(item: FeedbackItem): string {
	if (item.disposition === 'rejected') return WORDS.feedbackDecisions.rejected;
	if (item.disposition === 'adopted')
		return WORDS.feedbackDecisions[item.resolution === 'reopened' ? 'reopened' : 'next_revision'];
	return WORDS.feedbackDecisions.open;
}

function whereOf(item: FeedbackItem): string {
	const parts = [item.clause ? `${item.clause} ${item.sectionTitle}` : ''];
	if (item.rowLabel) parts.push(item.rowLabel);
	if (item.quote) parts.push(`“${item.quote}”`);
	return parts.filter(Boolean).join('\n');
}

function answerOf(item: FeedbackItem): string {
	if (!item.disposition) return '';
	const by = [
		item.answeredBy ?? '',
		item.answeredAt ? formatDateTime(item.answeredAt, config.TIME_ZONE) : ''
	]
		.filter(Boolean)
		.join('，');
	return [item.answer ?? '', by ? `（${by}）` : ''].filter(Boolean).join('\n');
}

/** `scope`: activity → the hash of its exported version; without it, every item of the plan. */
export function feedbackRecords(
	planId: number,
	scope?: ReadonlyMap<Activity, string>
): FeedbackRecord[] {
	return feedbackOfPlan(planId)
		.filter((x) => !scope || (x.versionHash !== null && scope.get(x.activity) === x.versionHash))
		.sort(
			(a, b) =>
				ACTIVITY_CHAPTER[a.activity].localeCompare(ACTIVITY_CHAPTER[b.activity]) || a.at - b.at
		)
		.map((x) => ({
			activity: ACTIVITY_WORDS(x.activity),
			from: [
				`${x.user}${x.organization ? `（${x.organization}）` : ''}`,
				x.fromActivity
					? WORDS.feedbackFrom.replace('{activity}', ACTIVITY_WORDS(x.fromActivity))
					: ''
			]
				.filter(Boolean)
				.join('\n'),
			time: new Date(x.at).toISOString(),
			where: whereOf(x),
			text: x.text,
			decision: decisionOf(x),
			answer: answerOf(x)
		}));
}
