/** Chapter 6 rules beyond item presence: 6.3's indicators, 6.4's analysis, 6.5's needs. */
import { BLOCKS } from '../../templates/blocks/index.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import { filled } from '../view.ts';
import { blockPointer, missingFieldFindings } from './fields.ts';
import { fail, outcome, PASS, type Rule } from './rule.ts';

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
		return outcome(
			missingFieldFindings('6.5', 'needs', rows, ['statement', 'category'], 'statement')
		);
	}
};

export const REQUIREMENTS_RULES: readonly Rule[] = [indicatorsRule, otherPlansRule, needsRule];
