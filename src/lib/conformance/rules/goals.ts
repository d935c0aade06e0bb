/**
 * 7.3 建设目标. 7.3.1's levels, and 7.3.3 a)–f) one rule each. b) and f) can be checked mechanically
 * and are required; a), c), d) and e) are judgements that a reviewer makes, approximated here by
 * checking that the goal carries what the judgement needs, so they only recommend.
 */
import { BLOCKS, GOAL_LEVELS, type GoalRow } from '../../templates/blocks/index.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import type { Finding } from '../types.ts';
import { filled, type PlanView } from '../view.ts';
import { blockPointer, fieldLabel, missingFieldFindings, nameOf, rowPointer } from './fields.ts';
import { fail, NA, outcome, withinPeriod, type Rule } from './rule.ts';

const SECTION = '7.3';

function goalsOf(view: PlanView): GoalRow[] {
	return view.rows(SECTION, 'goals');
}

function name(goals: readonly GoalRow[], index: number): string {
	return nameOf('goals', goals, index, 'statement');
}

/** Rule over the goals that is not applicable while there are none (7.3.1 reports that). */
function perGoal(
	id: string,
	label: string,
	level: Rule['level'],
	check: (goals: GoalRow[], view: PlanView) => Finding[]
): Rule {
	return {
		id,
		clause: '7.3.3',
		label,
		level,
		section: SECTION,
		check(view) {
			const goals = goalsOf(view);
			return goals.length === 0 ? NA : outcome(check(goals, view));
		}
	};
}

type GoalLevel = NonNullable<GoalRow['level']>;

function levelLabel(level: GoalLevel): string {
	return GOAL_LEVELS.find((o) => o.value === level)?.label ?? level;
}

/**
 * 7.3.1 (宜 总体/细分/阶段): at least one overall goal, and a hierarchy that holds together — a
 * 细分目标 under a 总体目标, a 阶段目标 under a 细分 or 总体 one, never due after its parent. With these
 * parents a cycle cannot form: overall goals have none, and every other level points one level up.
 */
export const goalLevelsRule: Rule = {
	id: '7.3.1.levels',
	clause: '7.3.1',
	label: LABELS.goalLevels,
	level: 'required',
	section: SECTION,
	check(view) {
		const goals = goalsOf(view);
		if (goals.length === 0) {
			return fail({
				message: MESSAGES.noRows(BLOCKS.goals.label),
				pointer: blockPointer(SECTION, 'goals')
			});
		}
		const byId = new Map(goals.filter((g) => g.id).map((g) => [g.id, g]));
		const findings: Finding[] = [];
		if (!goals.some((g) => g.level === 'overall')) {
			findings.push({
				message: MESSAGES.noOverallGoal,
				pointer: blockPointer(SECTION, 'goals', 'level')
			});
		}
		findings.push(...missingFieldFindings(SECTION, 'goals', goals, ['level'], 'statement'));
		goals.forEach((goal, i) => {
			const at = (field: string) => rowPointer(SECTION, 'goals', i, goal.id, field);
			if (goal.level === 'overall') {
				if (goal.parent)
					findings.push({
						message: MESSAGES.overallWithParent(name(goals, i)),
						pointer: at('parent')
					});
				return;
			}
			if (goal.level === null) return;
			const allowed: GoalLevel[] =
				goal.level === 'specific' ? ['overall'] : ['specific', 'overall'];
			const parent = goal.parent ? byId.get(goal.parent) : undefined;
			if (!parent || parent.id === goal.id || !parent.level || !allowed.includes(parent.level)) {
				const expected = allowed.map(levelLabel).join('或');
				findings.push({
					message: MESSAGES.badParent(name(goals, i), expected),
					pointer: at('parent')
				});
				return;
			}
			if (goal.deadline !== null && parent.deadline !== null && goal.deadline > parent.deadline) {
				findings.push({
					message: MESSAGES.laterThanParent(name(goals, i), goal.deadline, parent.deadline),
					pointer: at('deadline')
				});
			}
		});
		return outcome(findings);
	}
};

/**
 * 7.3.3 a) 明确. Whether a goal is specific is read, not computed; we check it says what (a
 * statement) and who answers for it (an owner) — a goal without either cannot be specific.
 */
export const goalSpecificRule = perGoal('7.3.3.a', LABELS.goalSpecific, 'recommended', (goals) =>
	missingFieldFindings(SECTION, 'goals', goals, ['statement', 'owner'], 'statement')
);

function ownMeasure(goal: GoalRow): string[] {
	return [
		...(filled(goal.indicator) ? [] : ['indicator']),
		...(goal.baseline === null ? ['baseline'] : []),
		...(goal.target === null ? ['target'] : []),
		...(filled(goal.unit) ? [] : ['unit'])
	];
}

/**
 * 7.3.3 b) 可衡量: indicator, baseline, target value and unit — a target without the value it starts
 * from measures nothing (the year is f)'s). An overall goal is often a sentence (建成…) that is
 * measured through the goals beneath it, so it also passes when a direct sub-goal is measurable.
 */
export const goalMeasurableRule = perGoal('7.3.3.b', LABELS.goalMeasurable, 'required', (goals) =>
	goals.flatMap((goal, i) => {
		const missing = ownMeasure(goal);
		if (missing.length === 0) return [];
		const measuredBelow =
			goal.level === 'overall' &&
			goal.id !== '' &&
			goals.some((g) => g.parent === goal.id && ownMeasure(g).length === 0);
		if (measuredBelow) return [];
		return [
			{
				message: MESSAGES.notMeasurable(
					name(goals, i),
					missing.map((key) => fieldLabel('goals', key))
				),
				pointer: rowPointer(SECTION, 'goals', i, goal.id, missing[0])
			}
		];
	})
);

/**
 * 7.3.3 c) 可达成. Achievability weighs resources, funding and pace — a reviewer's call. What we can
 * require is the starting point: a goal with a target value states its baseline, so the size of the
 * step is visible. Goals without a target are not applicable here (b) reports them).
 */
export const goalAchievableRule: Rule = {
	id: '7.3.3.c',
	clause: '7.3.3',
	label: LABELS.goalAchievable,
	level: 'recommended',
	section: SECTION,
	check(view) {
		const goals = goalsOf(view);
		if (!goals.some((g) => g.target !== null)) return NA;
		return outcome(
			goals.flatMap((goal, i) =>
				goal.target !== null && goal.baseline === null
					? [
							{
								message: MESSAGES.noBaseline(name(goals, i)),
								pointer: rowPointer(SECTION, 'goals', i, goal.id, 'baseline')
							}
						]
					: []
			)
		);
	}
};

/**
 * 7.3.3 d) 与城市自身的智慧化发展设想相一致. The vision is 6.1.2.2 智慧化愿景 (which 明确…整体目标);
 * whether the goals agree with it is read by people. We check both sides exist to be compared: the
 * vision is written and at least one overall goal states what it is.
 */
export const goalVisionRule = perGoal(
	'7.3.3.d',
	LABELS.goalVision,
	'recommended',
	(goals, view) => [
		...(filled(view.item('6.1', '6.1.2.2'))
			? []
			: [
					{
						message: MESSAGES.visionMissing,
						pointer: { kind: 'item', section: '6.1', item: '6.1.2.2' }
					} as const
				]),
		...(goals.some((g) => g.level === 'overall' && filled(g.statement))
			? []
			: [
					{
						message: MESSAGES.noOverallStatement,
						pointer: blockPointer(SECTION, 'goals', 'statement')
					}
				])
	]
);

/**
 * 7.3.3 e) 与其他城市规划目标具有一致性. Again a reading; we check the other plans were analysed (6.4)
 * and that every overall goal names the plans it is consistent with.
 */
export const goalOtherPlansRule = perGoal(
	'7.3.3.e',
	LABELS.goalOtherPlans,
	'recommended',
	(goals, view) => [
		...(filled(view.body('6.4'))
			? []
			: [
					{
						message: MESSAGES.otherPlansMissing,
						pointer: { kind: 'body', section: '6.4' }
					} as const
				]),
		...goals.flatMap((goal, i) =>
			goal.level === 'overall' && !filled(goal.alignedPlans) && goal.plans.length === 0
				? [
						{
							message: MESSAGES.noAlignedPlans(name(goals, i)),
							pointer: rowPointer(SECTION, 'goals', i, goal.id, 'alignedPlans')
						}
					]
				: []
		)
	]
);

/**
 * 7.3.2 (宜): 阶段目标明确各个阶段的主要任务、建设内容、建设成果. Required here although the clause says
 * 宜, as 9.1.4 is: without it 总体设计 can be approved with its stages empty, and 9.3 is then planned
 * against nothing. Shown with its 宜 so nobody takes the gate for the standard's 应.
 */
export const phaseGoalsRule: Rule = {
	id: '7.3.2.phase-goals',
	clause: '7.3.2',
	label: LABELS.phaseGoals,
	level: 'required',
	section: SECTION,
	check(view) {
		const goals = goalsOf(view);
		if (goals.length === 0) return NA;
		if (!goals.some((g) => g.level === 'phase'))
			return fail({
				message: MESSAGES.noPhaseGoal,
				pointer: blockPointer(SECTION, 'goals', 'level')
			});
		return outcome(
			missingFieldFindings(SECTION, 'goals', goals, ['tasks', 'outcomes'], 'statement').filter(
				(f) => f.pointer.kind === 'block' && goals[f.pointer.row ?? -1]?.level === 'phase'
			)
		);
	}
};

/**
 * 6.3 → 7.3: the indicators the assessment gives a target are carried by a goal (goals.indicatorRef),
 * and a goal's indicator reference points at an indicator that exists. This is how the 现状 of 6.3
 * becomes the 目标 of 7.3 and then 9.3's milestones.
 */
export const indicatorsUsedRule: Rule = {
	id: '6.3.used-by-goals',
	clause: '6.3',
	label: LABELS.indicatorsUsed,
	level: 'required',
	section: SECTION,
	check(view) {
		const indicators = view.rows('6.3', 'indicators');
		const goals = goalsOf(view);
		const targeted = indicators
			.map((row, index) => ({ row, index }))
			.filter(({ row }) => row.id && filled(row.target));
		const referenced = goals.filter((g) => g.indicatorRef);
		if (targeted.length === 0 && referenced.length === 0) return NA;
		const ids = new Set(indicators.map((r) => r.id).filter(Boolean));
		const used = new Set(goals.flatMap((g) => (g.indicatorRef ? [g.indicatorRef] : [])));
		const findings: Finding[] = targeted
			.filter(({ row }) => !used.has(row.id))
			.map(({ index }) => ({
				message: MESSAGES.indicatorUnused(nameOf('indicators', indicators, index, 'name')),
				pointer: blockPointer(SECTION, 'goals', 'indicatorRef')
			}));
		goals.forEach((goal, i) => {
			if (goal.indicatorRef && !ids.has(goal.indicatorRef))
				findings.push({
					message: MESSAGES.danglingIndicator(name(goals, i)),
					pointer: rowPointer(SECTION, 'goals', i, goal.id, 'indicatorRef')
				});
		});
		return outcome(findings);
	}
};

/** 7.3.3 f) 明确的时限, read as: a deadline year inside the planning period (4.3). */
export const goalDeadlineRule = perGoal('7.3.3.f', LABELS.goalDeadline, 'required', (goals, view) =>
	goals.flatMap((goal, i) => {
		const at = rowPointer(SECTION, 'goals', i, goal.id, 'deadline');
		if (goal.deadline === null)
			return [{ message: MESSAGES.noDeadline(name(goals, i)), pointer: at }];
		if (withinPeriod(goal.deadline, view)) return [];
		const { periodStart, periodEnd } = view.context;
		return [
			{
				message: MESSAGES.outsidePeriod(name(goals, i), goal.deadline, periodStart, periodEnd),
				pointer: at
			}
		];
	})
);

export const GOAL_RULES: readonly Rule[] = [
	goalLevelsRule,
	goalSpecificRule,
	goalMeasurableRule,
	goalAchievableRule,
	goalVisionRule,
	goalOtherPlansRule,
	goalDeadlineRule,
	phaseGoalsRule,
	indicatorsUsedRule
];
