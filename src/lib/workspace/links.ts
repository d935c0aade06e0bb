/** Where in the app a conformance finding is fixed: the anchors of the section page (HELPERS). */
import type { Pointer } from '../conformance/types.ts';

export function sectionHref(planId: number, clause: string): string {
	return `/plans/${planId}/sections/${clause}`;
}

/**
 * The page and anchor a pointer leads to. Plan-wide rules (the period of 4.3) are fixed on the
 * plan's manage page.
 */
export function pointerHref(planId: number, pointer: Pointer): string {
	switch (pointer.kind) {
		case 'plan':
			return `/plans/${planId}/manage`;
		case 'body':
			return `${sectionHref(planId, pointer.section)}#section-body`;
		case 'item':
			return `${sectionHref(planId, pointer.section)}#item-${pointer.item}`;
		case 'block':
			return pointer.rowId
				? `${sectionHref(planId, pointer.section)}#row-${pointer.rowId}`
				: `${sectionHref(planId, pointer.section)}#block-${pointer.block}`;
	}
}
