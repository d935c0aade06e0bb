/** 5.1.3 feedback in 待办: one item per activity with feedback awaiting the member's answer. */
import type { Membership } from '../../roles.ts';
import { todoItem, type TodoItem } from '../workflow/todo.ts';
import { unansweredFor } from './queries.ts';

export function feedbackTasks(
	plan: { id: number; name: string },
	membership: Membership
): TodoItem[] {
	return unansweredFor(plan.id, membership).map((g) =>
		todoItem(plan, g.activity, {
			key: `feedback:${plan.id}:${g.activity}`,
			kind: 'feedback',
			count: g.count,
			link: `/plans/${plan.id}/workflow/${g.activity}#feedback-${g.firstId}`,
			since: g.since
		})
	);
}
