import { describe, expect, it } from 'vitest';
import { pointerHref } from './links.ts';

describe('where a finding is fixed', () => {
	it('points at the section page anchors, or the manage page for plan-wide rules', () => {
		expect(pointerHref(3, { kind: 'plan', field: 'period' })).toBe('/plans/3/manage');
		expect(pointerHref(3, { kind: 'body', section: '6.4' })).toBe(
			'/plans/3/sections/6.4#section-body'
		);
		expect(pointerHref(3, { kind: 'item', section: '6.5', item: '6.5.2.a' })).toBe(
			'/plans/3/sections/6.5#item-6.5.2.a'
		);
		expect(pointerHref(3, { kind: 'block', section: '9.1', block: 'keyProjects' })).toBe(
			'/plans/3/sections/9.1#block-keyProjects'
		);
		expect(
			pointerHref(3, { kind: 'block', section: '9.1', block: 'keyProjects', row: 0, rowId: 'r1' })
		).toBe('/plans/3/sections/9.1#row-r1');
	});
});
