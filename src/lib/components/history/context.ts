/**
 * Where the section page's editors ask "who wrote this": the plan and clause of the section they
 * edit. Editors outside a section page (no context) show no such button.
 */
import { getContext, setContext } from 'svelte';

export interface HistoryTarget {
	planId: number;
	clause: string;
}

const KEY = Symbol('lantu.history');

export function setHistoryContext(target: HistoryTarget): HistoryTarget {
	return setContext(KEY, target);
}

export function getHistoryContext(): HistoryTarget | undefined {
	return getContext<HistoryTarget | undefined>(KEY);
}

export function historyEndpoint(target: HistoryTarget): string {
	return `/api/plans/${target.planId}/sections/${encodeURIComponent(target.clause)}/history`;
}
