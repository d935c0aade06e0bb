import { describe, expect, it } from 'vitest';
import { canReadImage } from './index.ts';

describe('canReadImage', () => {
	const member = (
		role: 'editor' | 'reviewer' | 'approver' | 'admin' | 'enterprise' | 'resident'
	) => ({
		roles: [role],
		organizationId: 1
	});

	it('lets draft readers see every image of the plan', () => {
		for (const role of ['editor', 'reviewer', 'approver', 'admin'] as const)
			expect(canReadImage(member(role), false)).toBe(true);
	});

	it('lets participants see only images a frozen version shows, and nobody outside the plan', () => {
		for (const role of ['enterprise', 'resident'] as const) {
			expect(canReadImage(member(role), false)).toBe(false);
			expect(canReadImage(member(role), true)).toBe(true);
		}
		expect(canReadImage(undefined, true)).toBe(false);
	});
});
