import { describe, expect, it } from 'vitest';
import { sectionDigest } from './digest.ts';
import { evaluatePlan } from './evaluate.ts';
import { buildPlan, type MutablePlan } from './fixtures.ts';
import { MANUAL_CHECKS } from './rules/manual.ts';
import { readyForReview, scoreByChapter } from './score.ts';
import type { RuleResult } from './types.ts';

function resultOf(plan: MutablePlan, id: string): RuleResult {
	const checklist = evaluatePlan(plan);
	const result = checklist.sections.flatMap((s) => s.results).find((r) => r.id === id);
	if (!result) throw new Error(`no result ${id}`);
	return result;
}

/** The plan with its one confirmation of 4.1.2, given for 7.3 as it is now. */
function confirmedNow(): MutablePlan {
	const plan = buildPlan();
	plan.confirmations = {
		'manual:4.1.2': {
			by: '张三',
			at: '2026-12-06T02:00:00.000Z',
			digest: sectionDigest(plan.sections['7.3'])
		}
	};
	return plan;
}

describe('manual checks', () => {
	it('each names its clause, its section and why a machine cannot decide it', () => {
		for (const check of MANUAL_CHECKS) {
			expect(check.id).toBe(`manual:${check.clause}`);
			expect(check.why).toMatch(/[\u4e00-\u9fff]/);
			expect(check.text).toMatch(/[\u4e00-\u9fff]/);
			expect(check.level).toBe(check.text.startsWith('宜') ? 'recommended' : 'required');
		}
	});

	it('is not met until a reviewer confirms it, and the score does not count it', () => {
		const plan = buildPlan();
		plan.confirmations = {};
		const result = resultOf(plan, 'manual:4.1.2');
		expect(result.status).toBe('fail');
		expect(result.manual).toEqual({ state: 'unconfirmed' });
		const checklist = evaluatePlan(plan);
		expect(scoreByChapter(checklist).find((c) => c.activity === 'overall')?.score).toBeLessThan(
			100
		);
		expect(readyForReview(checklist, 'overall')).toBe(false);
	});

	it('is met while the section is as the reviewer confirmed it, naming who and when', () => {
		const result = resultOf(confirmedNow(), 'manual:4.1.2');
		expect(result.status).toBe('pass');
		expect(result.manual).toEqual({
			state: 'confirmed',
			by: '张三',
			at: '2026-12-06T02:00:00.000Z'
		});
	});

	it('goes stale when the section changes afterwards, and counts as open again', () => {
		const plan = confirmedNow();
		plan.sections['7.3'].body += '补充一句。';
		const result = resultOf(plan, 'manual:4.1.2');
		expect(result.manual?.state).toBe('stale');
		expect(result.status).toBe('fail');
		if (result.status === 'fail')
			expect(result.findings[0].message).toMatch(/内容已变更，需重新确认/);
		// Another section's edit leaves it alone.
		const other = confirmedNow();
		other.sections['7.2'].body += '补充一句。';
		expect(resultOf(other, 'manual:4.1.2').status).toBe('pass');
	});

	it('digests content, not how the keys were written', () => {
		const a = { body: 'x', items: { a: '1', b: '2' }, data: {} };
		const b = { data: {}, items: { b: '2', a: '1' }, body: 'x' };
		expect(sectionDigest(a)).toBe(sectionDigest(b));
		expect(sectionDigest(a)).not.toBe(sectionDigest({ ...a, body: 'y' }));
	});

	it('ignores a malformed confirmation', () => {
		const plan = buildPlan();
		plan.confirmations = { 'manual:4.1.2': { by: 1, at: null } as never };
		expect(resultOf(plan, 'manual:4.1.2').manual).toEqual({ state: 'unconfirmed' });
	});
});
