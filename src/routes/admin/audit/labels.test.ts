import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '#lib/server/audit/index.ts';
import { auditActionLabel } from './labels.ts';

describe('auditActionLabel', () => {
	it('names every audit action in words, never by its code', () => {
		for (const action of AUDIT_ACTIONS) {
			const label = auditActionLabel(action);
			expect(label, action).not.toBe(action);
			expect(label, action).not.toMatch(/^[a-z_.]+$/);
		}
	});
});
