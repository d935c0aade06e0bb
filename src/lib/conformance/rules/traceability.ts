/**
 * Traceability (DESIGN.md §2): every need of 6.5 reaches a goal (7.3) and a key project (9.1), and
 * every key project serves a goal. Each rule sits in the checklist of the section where the link is
 * made, so it gates the activity that has to make it — 总体设计 for goals, 实施路径规划 for projects —
 * and never an earlier one.
 */
import type { BlockKey, NeedRow } from '../../templates/blocks/index.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import type { Finding } from '../types.ts';
import { filled, type PlanView } from '../view.ts';
import { blockPointer, nameOf, rowPointer } from './fields.ts';
import { NA, outcome, type Rule } from './rule.ts';

/**
 * Needs (with an id: only those can be linked) that no row of `section`'s `block` links to. A need
 * deferred with a written reason (暂缓理由) is not expected to be linked: the plan says why not.
 */
function untraced(
	view: PlanView,
	linked: ReadonlySet<string>,
	section: string,
	block: BlockKey,
	message: (need: string) => string
): Finding[] | undefined {
	const needs: NeedRow[] = view.rows('6.5', 'needs');
	if (!needs.some((n) => n.id)) return undefined;
	return needs.flatMap((need, i) =>
		need.id && !linked.has(need.id) && !filled(need.deferral)
			? [
					{
						message: message(nameOf('needs', needs, i, 'statement')),
						pointer: blockPointer(section, block, 'needs')
					}
				]
			: []
	);
}

/** Every need is linked (对应需求) from a row of `block` in `section`, or deferred with a reason. */
function needsLinkedRule(
	rule: Omit<Rule, 'section' | 'check'>,
	section: string,
	block: 'goals' | 'keyProjects',
	message: (need: string) => string
): Rule {
	return {
		...rule,
		section,
		check(view) {
			const linked = new Set(view.rows(section, block).flatMap((r) => r.needs));
			const findings = untraced(view, linked, section, block, message);
			return findings ? outcome(findings) : NA;
		}
	};
}

export const needsToGoalsRule: Rule = needsLinkedRule(
	{
		id: 'trace.needs-goals',
		// 7.1.1: 总体设计宜以智慧城市建设需求为依据.
		clause: '7.1.1',
		label: LABELS.needsToGoals,
		level: 'required'
	},
	'7.3',
	'goals',
	MESSAGES.needWithoutGoal
);

export const needsToProjectsRule: Rule = needsLinkedRule(
	{
		id: 'trace.needs-projects',
		// 5.2.4: 在前期阶段成果的基础上……提出智慧城市建设重点工程.
		clause: '5.2.4',
		label: LABELS.needsToProjects,
		level: 'required'
	},
	'9.1',
	'keyProjects',
	MESSAGES.needWithoutProject
);

export const projectsToGoalsRule: Rule = {
	id: 'trace.projects-goals',
	// 9.1.1: 从智慧城市建设目标出发……提出主要任务和重点工程.
	clause: '9.1.1',
	label: LABELS.projectsToGoals,
	level: 'recommended',
	section: '9.1',
	check(view) {
		const projects = view.rows('9.1', 'keyProjects');
		if (projects.length === 0) return NA;
		const goalIds = new Set(
			view
				.rows('7.3', 'goals')
				.map((g) => g.id)
				.filter(Boolean)
		);
		return outcome(
			projects.flatMap((project, i) =>
				project.goals.some((id) => goalIds.has(id))
					? []
					: [
							{
								message: MESSAGES.projectWithoutGoal(nameOf('keyProjects', projects, i, 'name')),
								pointer: rowPointer('9.1', 'keyProjects', i, project.id, 'goals')
							}
						]
			)
		);
	}
};

export const TRACEABILITY_RULES: readonly Rule[] = [
	needsToGoalsRule,
	needsToProjectsRule,
	projectsToGoalsRule
];
