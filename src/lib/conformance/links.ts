/** Where a checklist finding is fixed, as a link into the plan (anchors of the section page). */
import type { Pointer } from './types.ts';

export function pointerHref(planId: number, pointer: Pointer): string {
	if (pointer.kind === 'plan') return `/plans/${planId}/manage`;
	const section = `/plans/${planId}/sections/${pointer.section}`;
	if (pointer.kind === 'body') return `${section}#section-body`;
	if (pointer.kind === 'item') return `${section}#item-${pointer.item}`;
	if (pointer.rowId) return `${section}#row-${pointer.rowId}`;
	return `${section}#block-${pointer.block}`;
}
