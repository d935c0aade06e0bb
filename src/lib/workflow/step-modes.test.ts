import { describe, expect, it } from 'vitest';
import {
	countersignsNeeded,
	nextInSequence,
	signOffStatus,
	type SignOffPolicy,
	type Signature
} from './policy.ts';

const base: SignOffPolicy = {
	departments: [4, 2, 8],
	enterpriseCount: 0,
	residentCount: 0,
	approverId: null
};
const sig = (organizationId: number, hash = 'h1'): Signature => ({
	kind: 'countersign',
	userId: organizationId * 10,
	organizationId,
	hash
});

describe('step modes', () => {
	it('counts what each mode needs', () => {
		expect(countersignsNeeded(base)).toBe(3);
		expect(countersignsNeeded({ ...base, mode: 'any' })).toBe(1);
		expect(countersignsNeeded({ ...base, mode: 'threshold', threshold: 2 })).toBe(2);
		expect(countersignsNeeded({ ...base, mode: 'threshold', threshold: 9 })).toBe(3);
		expect(countersignsNeeded({ ...base, mode: 'sequence' })).toBe(3);
	});

	it('counts 比例 as a share: at least p per cent of the departments, rounded up', () => {
		const p = (thresholdPercent: number) =>
			countersignsNeeded({ ...base, mode: 'threshold', thresholdPercent });
		// base lists three departments.
		expect(p(50)).toBe(2);
		expect(p(66)).toBe(2);
		expect(p(67)).toBe(3);
		expect(p(100)).toBe(3);
		expect(p(1)).toBe(1);
		const half = { ...base, mode: 'threshold' as const, thresholdPercent: 50 };
		expect(signOffStatus(half, [sig(8)], 'h1').complete).toBe(false);
		expect(signOffStatus(half, [sig(8), sig(4)], 'h1').complete).toBe(true);
	});

	it('completes 或签 with one and 比例 with k signatures of this hash', () => {
		expect(signOffStatus({ ...base, mode: 'any' }, [sig(8)], 'h1').complete).toBe(true);
		expect(signOffStatus({ ...base, mode: 'any' }, [sig(8, 'h0')], 'h1').complete).toBe(false);
		const k2 = { ...base, mode: 'threshold' as const, threshold: 2 };
		expect(signOffStatus(k2, [sig(8)], 'h1').complete).toBe(false);
		expect(signOffStatus(k2, [sig(8), sig(2)], 'h1').complete).toBe(true);
	});

	it('names whose turn it is in 依次, in the listed order', () => {
		const seq = { ...base, mode: 'sequence' as const };
		expect(nextInSequence(seq, [], 'h1')).toBe(4);
		expect(nextInSequence(seq, [sig(4)], 'h1')).toBe(2);
		expect(nextInSequence(seq, [sig(4), sig(2, 'h0')], 'h1')).toBe(2);
		expect(nextInSequence(seq, [sig(4), sig(2), sig(8)], 'h1')).toBeUndefined();
		expect(nextInSequence(base, [], 'h1')).toBeUndefined();
	});
});
