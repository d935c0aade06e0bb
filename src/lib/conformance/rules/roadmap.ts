/** Chapter 9: key projects (9.1.4), operating models (9.2) and phases (9.3). */
import { BLOCKS, type KeyProjectRow } from '../../templates/blocks/index.ts';
import { KEY_PROJECT_FIELDS } from '../../templates/sections/chapter9.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import type { Finding, Outcome } from '../types.ts';
import { filled, type PlanView } from '../view.ts';
import { blockPointer, missingFieldFindings, nameOf, rowPointer } from './fields.ts';
import { fail, NA, outcome, withinPeriod, yearOf, type Rule } from './rule.ts';

function projectsOf(view: PlanView): KeyProjectRow[] {
	return view.rows('9.1', 'keyProjects');
}

function project(projects: readonly KeyProjectRow[], index: number): string {
	return nameOf('keyProjects', projects, index, 'name');
}

/**
 * Key projects against clause 9.1.4: the `fields` each must fill, plus what `problems` finds in a
 * row (a message and the field it points at). Not applicable while there are no projects.
 */
function checkProjects(
	view: PlanView,
	fields: (typeof KEY_PROJECT_FIELDS)['a' | 'b'],
	problems: (row: KeyProjectRow, name: string) => (readonly [message: string, field: string])[]
): Outcome {
	const projects = projectsOf(view);
	if (projects.length === 0) return NA;
	const findings: Finding[] = missingFieldFindings('9.1', 'keyProjects', projects, fields, 'name');
	projects.forEach((row, i) => {
		for (const [message, field] of problems(row, project(projects, i)))
			findings.push({ message, pointer: rowPointer('9.1', 'keyProjects', i, row.id, field) });
	});
	return outcome(findings);
}

/** 9.1.1: the roadmap proposes key projects. */
export const keyProjectsRule: Rule = {
	id: '9.1.key-projects',
	clause: '9.1.1',
	label: LABELS.keyProjects,
	level: 'required',
	section: '9.1',
	check(view) {
		const projects = projectsOf(view);
		if (projects.length === 0) {
			return fail({
				message: MESSAGES.noRows(BLOCKS.keyProjects.label),
				pointer: blockPointer('9.1', 'keyProjects')
			});
		}
		return outcome(missingFieldFindings('9.1', 'keyProjects', projects, ['name'], 'name'));
	}
};

/**
 * Arabic digits (ASCII or full-width). Official documents write counts and measures in Arabic
 * numerals (GB/T 15835), while Chinese numerals also occur in ordinary words (一体化, 万物互联), so
 * only Arabic digits are taken as evidence of a quantity.
 */
const QUANTITY = /[0-9０-９]/;

/** 9.1.4 a): 明确的、可量化的工程目标 — written, and with a number in it. */
export const projectGoalRule: Rule = {
	id: '9.1.4.a',
	clause: '9.1.4',
	label: LABELS.projectGoal,
	level: 'required',
	section: '9.1',
	check(view) {
		return checkProjects(view, KEY_PROJECT_FIELDS.a, (row, name) =>
			filled(row.goal) && !QUANTITY.test(row.goal) ? [[MESSAGES.notQuantified(name), 'goal']] : []
		);
	}
};

/** 9.1.4 b): 建设内容、建设模式、建设周期、资金估算、负责单位, and a period that runs forwards. */
export const projectContentRule: Rule = {
	id: '9.1.4.b',
	clause: '9.1.4',
	label: LABELS.projectContent,
	level: 'required',
	section: '9.1',
	check(view) {
		return checkProjects(view, KEY_PROJECT_FIELDS.b, (row, name) => [
			...(row.startYear !== null && row.endYear !== null && row.startYear > row.endYear
				? [[MESSAGES.startAfterEnd(name), 'endYear'] as const]
				: []),
			...(row.budget !== null && row.budget < 0
				? [[MESSAGES.negativeBudget(name), 'budget'] as const]
				: [])
		]);
	}
};

/**
 * Key projects are built within the plan (4.3). Recommended only: a project may rightly continue past
 * the period, and the reviewer decides.
 */
export const projectPeriodRule: Rule = {
	id: '9.1.period',
	clause: '4.3',
	label: LABELS.projectPeriod,
	level: 'recommended',
	section: '9.1',
	check(view) {
		const projects = projectsOf(view).map((row, index) => ({ row, index }));
		const dated = projects.filter(({ row }) => row.startYear !== null || row.endYear !== null);
		if (dated.length === 0) return NA;
		const rows = projects.map((p) => p.row);
		const { periodStart, periodEnd } = view.context;
		return outcome(
			dated.flatMap(({ row, index }) =>
				(['startYear', 'endYear'] as const).flatMap((field) => {
					const year = row[field];
					return year === null || withinPeriod(year, view)
						? []
						: [
								{
									message: MESSAGES.outsidePeriod(
										project(rows, index),
										year,
										periodStart,
										periodEnd
									),
									pointer: rowPointer('9.1', 'keyProjects', index, row.id, field)
								}
							];
				})
			)
		);
	}
};

/** 9.2 (宜): one of 9.2.1's models for each key project, with 9.2.2's rationale. */
export const operatingModelsRule: Rule = {
	id: '9.2.models',
	clause: '9.2.2',
	label: LABELS.operatingModels,
	level: 'recommended',
	section: '9.2',
	check(view) {
		const projects = projectsOf(view);
		if (!projects.some((p) => p.id)) return NA;
		const models = view.rows('9.2', 'operatingModel');
		const findings: Finding[] = [];
		projects.forEach((row, i) => {
			if (!row.id) return;
			const name = project(projects, i);
			const chosen = models
				.map((m, index) => ({ m, index }))
				.filter(({ m }) => m.project === row.id);
			const first = chosen[0];
			if (!first) {
				findings.push({
					message: MESSAGES.noOperatingModel(name),
					pointer: blockPointer('9.2', 'operatingModel', 'project')
				});
				return;
			}
			if (chosen.length > 1) {
				findings.push({
					message: MESSAGES.duplicateModel(name),
					pointer: rowPointer('9.2', 'operatingModel', chosen[1].index, chosen[1].m.id, 'project')
				});
			}
			if (first.m.model === null) {
				findings.push({
					message: MESSAGES.noOperatingModel(name),
					pointer: rowPointer('9.2', 'operatingModel', first.index, first.m.id, 'model')
				});
			} else if (!filled(first.m.rationale)) {
				findings.push({
					message: MESSAGES.noRationale(name),
					pointer: rowPointer('9.2', 'operatingModel', first.index, first.m.id, 'rationale')
				});
			}
		});
		return outcome(findings);
	}
};

/** 9.3.2 (宜): phases with their dates inside the plan, in order, and their tasks. */
export const phasesRule: Rule = {
	id: '9.3.phases',
	clause: '9.3.2',
	label: LABELS.phases,
	level: 'recommended',
	section: '9.3',
	check(view) {
		const phases = view.rows('9.3', 'phases');
		if (phases.length === 0) {
			return fail({
				message: MESSAGES.noRows(BLOCKS.phases.label),
				pointer: blockPointer('9.3', 'phases')
			});
		}
		const { periodStart, periodEnd } = view.context;
		const findings: Finding[] = missingFieldFindings(
			'9.3',
			'phases',
			phases,
			['name', 'start', 'end', 'tasks'],
			'name'
		);
		phases.forEach((row, i) => {
			const name = nameOf('phases', phases, i, 'name');
			// ISO dates compare correctly as strings.
			if (row.start && row.end && row.start > row.end) {
				findings.push({
					message: MESSAGES.startAfterEnd(name),
					pointer: rowPointer('9.3', 'phases', i, row.id, 'end')
				});
			}
			for (const field of ['start', 'end'] as const) {
				const year = yearOf(row[field]);
				if (year !== null && !withinPeriod(year, view)) {
					findings.push({
						message: MESSAGES.outsidePeriod(name, year, periodStart, periodEnd),
						pointer: rowPointer('9.3', 'phases', i, row.id, field)
					});
				}
			}
		});
		return outcome(findings);
	}
};

export const ROADMAP_RULES: readonly Rule[] = [
	keyProjectsRule,
	projectGoalRule,
	projectContentRule,
	projectPeriodRule,
	operatingModelsRule,
	phasesRule
];
