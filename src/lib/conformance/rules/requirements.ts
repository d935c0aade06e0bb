/**
 * Chapter 6 rules beyond item presence: 6.3's indicators and their system, 6.4's analysis and plan
 * register, 6.5's needs and the stakeholders they cover (4.1.4).
 */
import { BLOCKS, PLAN_LEVELS, STAKEHOLDERS } from '../../templates/blocks/index.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import type { Finding } from '../types.ts';
import { filled } from '../view.ts';
import { blockPointer, missingFieldFindings, nameOf, rowPointer } from './fields.ts';
import { fail, NA, outcome, PASS, type Rule } from './rule.ts';

export const indicatorsRule: Rule = {
	id: '6.3.indicators',
	clause: '6.3',
	label: LABELS.indicators,
	level: 'required',
	section: '6.3',
	check(view) {
		const rows = view.rows('6.3', 'indicators');
		if (rows.length === 0) {
			return fail({
				message: MESSAGES.noRows(BLOCKS.indicators.label),
				pointer: blockPointer('6.3', 'indicators')
			});
		}
		// An assessment (6.3 现状评估) needs at least the indicator and where the city stands on it.
		return outcome(missingFieldFindings('6.3', 'indicators', rows, ['name', 'current'], 'name'));
	}
};

export const otherPlansRule: Rule = {
	id: '6.4.body',
	clause: '6.4',
	label: LABELS.otherPlans,
	// 6.4 says 建议 (suggests) collecting and analysing the other plans.
	level: 'recommended',
	section: '6.4',
	check(view) {
		return filled(view.body('6.4'))
			? PASS
			: fail({
					message: MESSAGES.bodyEmpty('6.4 其他相关规划分析'),
					pointer: { kind: 'body', section: '6.4' }
				});
	}
};

export const needsRule: Rule = {
	id: '6.5.needs',
	clause: '6.5.1',
	label: LABELS.needs,
	level: 'required',
	section: '6.5',
	check(view) {
		const rows = view.rows('6.5', 'needs');
		if (rows.length === 0) {
			return fail({
				message: MESSAGES.noRows(BLOCKS.needs.label),
				pointer: blockPointer('6.5', 'needs')
			});
		}
		// 4.1.4 (应): the need's stakeholder is what the coverage rule below counts.
		return outcome(
			missingFieldFindings(
				'6.5',
				'needs',
				rows,
				['statement', 'category', 'stakeholder'],
				'statement'
			)
		);
	}
};

/** 4.1.4 (应): 考虑政府、企业、居民等多元主体的实际需求 — each of the three has at least one need. */
export const stakeholdersRule: Rule = {
	id: '4.1.4.stakeholders',
	clause: '4.1.4',
	label: LABELS.stakeholders,
	level: 'required',
	section: '6.5',
	check(view) {
		const rows = view.rows('6.5', 'needs');
		if (rows.length === 0) return NA;
		const present = new Set(rows.map((r) => r.stakeholder));
		const missing = STAKEHOLDERS.filter((s) => s.value !== 'other' && !present.has(s.value));
		return missing.length === 0
			? PASS
			: fail({
					message: MESSAGES.stakeholdersMissing(missing.map((s) => s.label)),
					pointer: blockPointer('6.5', 'needs', 'stakeholder')
				});
	}
};

/**
 * An indicator system in the sense of GB/T 33356-2022 and the five-year plans: every indicator the
 * plan sets a target for says whether it is 预期性 or 约束性, its unit, base year (not after the period
 * starts), how it is computed and where the number comes from.
 */
export const indicatorSystemRule: Rule = {
	id: '6.3.indicator-system',
	clause: '6.3',
	label: LABELS.indicatorSystem,
	level: 'recommended',
	section: '6.3',
	check(view) {
		const rows = view.rows('6.3', 'indicators');
		const targeted = new Set(rows.flatMap((row, i) => (filled(row.target) ? [i] : [])));
		if (targeted.size === 0) return NA;
		const fields = ['attribute', 'unit', 'baseYear', 'method', 'dataSource'] as const;
		const findings: Finding[] = missingFieldFindings(
			'6.3',
			'indicators',
			rows,
			fields,
			'name'
		).filter((f) => f.pointer.kind === 'block' && targeted.has(f.pointer.row ?? -1));
		for (const i of targeted) {
			const row = rows[i];
			if (row.baseYear !== null && row.baseYear > view.context.periodStart)
				findings.push({
					message: MESSAGES.baseYearLate(
						nameOf('indicators', rows, i, 'name'),
						row.baseYear,
						view.context.periodStart
					),
					pointer: rowPointer('6.3', 'indicators', i, row.id, 'baseYear')
				});
		}
		return outcome(findings);
	}
};

/**
 * 6.4 (建议): the register lists the national and the provincial plans this design answers to, and
 * says for each how it aligns.
 */
export const planRegisterRule: Rule = {
	id: '6.4.register',
	clause: '6.4',
	label: LABELS.planRegister,
	level: 'recommended',
	section: '6.4',
	check(view) {
		const rows = view.rows('6.4', 'planRegister');
		if (rows.length === 0)
			return fail({
				message: MESSAGES.noRows(BLOCKS.planRegister.label),
				pointer: blockPointer('6.4', 'planRegister')
			});
		const findings: Finding[] = [];
		for (const level of ['national', 'provincial'] as const) {
			if (!rows.some((r) => r.level === level))
				findings.push({
					message: MESSAGES.planLevelMissing(PLAN_LEVELS.find((l) => l.value === level)!.label),
					pointer: blockPointer('6.4', 'planRegister', 'level')
				});
		}
		findings.push(
			...missingFieldFindings('6.4', 'planRegister', rows, ['name', 'level', 'alignment'], 'name')
		);
		return outcome(findings);
	}
};

export const REQUIREMENTS_RULES: readonly Rule[] = [
	indicatorsRule,
	indicatorSystemRule,
	otherPlansRule,
	planRegisterRule,
	needsRule,
	stakeholdersRule
];
