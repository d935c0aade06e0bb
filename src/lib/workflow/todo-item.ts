/**
 * The shape of one 待办 item (issue 14), shared by the server that computes the list
 * (#lib/server/workflow/todo.ts) and the page that shows it (TodoList.svelte).
 */
import type { Activity } from '../standard/sections.ts';

export const TODO_KINDS = [
	'approve',
	'countersign',
	'confirm',
	'objection',
	'forward',
	'returned',
	'answer',
	'moderate',
	'feedback'
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export interface TodoItem {
	/** Stable across reads: kind, plan, activity and (for opinions) round and section. */
	key: string;
	kind: TodoKind;
	planId: number;
	planName: string;
	activity: Activity;
	chapter: string;
	/** For opinions: the section they concern. */
	clause: string | null;
	/** For opinions: how many await. */
	count: number;
	/** Where it is done. */
	link: string;
	/** Since when it awaits (ms). */
	since: number;
	/** When it is due (ms); null when no deadline applies. */
	deadline: number | null;
}
