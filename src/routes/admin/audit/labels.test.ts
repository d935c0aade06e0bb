import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '#lib/server/audit/index.ts';
import { auditActionLabel, auditDetails } from './labels.ts';

describe('auditActionLabel', () => {
	it('names every audit action in words, never by its code', () => {
		for (const action of AUDIT_ACTIONS) {
			const label = auditActionLabel(action);
			expect(label, action).not.toBe(action);
			expect(label, action).not.toMatch(/^[a-z_.]+$/);
		}
	});

	it('names an organization in the details by its name, keeping the id', () => {
		const [line] = auditDetails('{"organizationId":2}', { organizations: { 2: '示例市公安局' } });
		expect(line.value).toBe('示例市公安局（2）');
		expect(auditDetails('{"organizationId":9}')[0].value).toBe('9');
	});
});
