/** 5.1.3: feedback on N−1's approved output while reviewing N. */
import { canFileFeedback } from '../../policy/index.ts';
import type { Activity } from '../../standard/sections.ts';
import { previousActivity } from '../../workflow/machine.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import type { MemberActor } from '../actor.ts';
import { activityRow, audit } from './activity.ts';

export function fileFeedback(
	planId: number,
	activity: Activity,
	actor: MemberActor,
	text: string
): void {
	const previous = previousActivity(activity);
	if (!previous) throw new DomainError('invalid');
	const state = activityRow(planId, activity).state;
	if (state !== 'review' && state !== 'approval') throw new DomainError('workflow-state', {}, 409);
	if (!canFileFeedback(actor.membership)) throw new DomainError('workflow-role', {}, 403);
	const body = text.trim();
	if (!body) throw new DomainError('opinion-required');
	const approvedVersionId = activityRow(planId, previous).approvedVersionId;
	getDb().$client.transaction(() => {
		getDb()
			.insert(schema.priorFeedback)
			.values({
				planId,
				activity: previous,
				versionId: approvedVersionId,
				userId: actor.user.id,
				text: body
			})
			.run();
		audit('workflow.feedback', actor, planId, previous, {
			from: activity,
			versionId: approvedVersionId,
			text: body
		});
	})();
}
