/**
 * Chapter 9 rules of substance: 9.1.2's priorities and the order of the phases, and the money — each
 * key project's funding sources add up to its estimate, and the totals of the projects, the funding
 * table and the phases agree. The sums are computed in ../investment.ts, which the charts use too.
 */
import { BLOCKS, PRIORITIES, type KeyProjectRow } from '../../templates/blocks/index.ts';
import { amountsEqual, fundingByProject, fundingRowTotal, formatWan } from '../investment.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import type { Finding } from '../types.ts';
import type { PlanView } from '../view.ts';
import { blockPointer, missingFieldFindings, nameOf, rowPointer } from './fields.ts';
import { NA, outcome, withinPeriod, type Rule } from './rule.ts';

function projectsOf(view: PlanView): KeyProjectRow[] {
	return view.rows('9.1', 'keyProjects');
}

/** 9.1.2 (应): 区分各项任务的轻重缓急 — every key project states its priority. */
export const prioritiesRule: Rule = {
	id: '9.1.2.priorities',
	clause: '9.1.2',
	label: LABELS.priorities,
	level: 'required',
	section: '9.1',
	check(view) {
		const projects = projectsOf(view);
		if (projects.length === 0) return NA;
		return outcome(missingFieldFindings('9.1', 'keyProjects', projects, ['priority'], 'name'));
	}
};

const RANK = new Map<string, number>(PRIORITIES.map((p, i) => [p.value, i]));

/**
 * Priorities respected by the phase order (9.1.2 with 9.3.1's 紧迫程度): a project first scheduled in
 * a phase must not have a lower priority than one first scheduled in a later phase. Phases are
 * ordered by start date; a project's phase is the first phase that lists it.
 */
export const phaseOrderRule: Rule = {
	id: '9.1.2.phase-order',
	clause: '9.1.2',
	label: LABELS.phaseOrder,
	level: 'required',
	section: '9.3',
	check(view) {
		const projects = projectsOf(view);
		const phases = view
			.rows('9.3', 'phases')
			.map((row, index) => ({ row, index }))
			.filter(({ row }) => row.start !== '')
			.sort((a, b) => (a.row.start < b.row.start ? -1 : a.row.start > b.row.start ? 1 : 0));
		const firstPhase = new Map<string, number>();
		phases.forEach(({ row }, order) => {
			for (const id of row.projects) if (!firstPhase.has(id)) firstPhase.set(id, order);
		});
		const ranked = projects
			.map((project, index) => ({
				project,
				index,
				rank: project.priority ? RANK.get(project.priority) : undefined,
				phase: firstPhase.get(project.id)
			}))
			.filter(
				(p): p is typeof p & { rank: number; phase: number } =>
					p.rank !== undefined && p.phase !== undefined
			);
		if (ranked.length < 2) return NA;
		const findings: Finding[] = [];
		for (const later of ranked) {
			const overtaken = ranked.find((p) => p.phase > later.phase && p.rank < later.rank);
			if (!overtaken) continue;
			const phase = phases[later.phase];
			findings.push({
				message: MESSAGES.phaseOrder(
					nameOf('keyProjects', projects, overtaken.index, 'name'),
					nameOf('keyProjects', projects, later.index, 'name')
				),
				pointer: rowPointer('9.3', 'phases', phase.index, phase.row.id, 'projects')
			});
		}
		return outcome(findings);
	}
};

/**
 * Each key project's funding: its rows in the funding table (by year, construction or operation,
 * per source) add up to the project's 资金估算, fall within its years, and every row says whose
 * money for which project and year.
 */
export const fundingSourcesRule: Rule = {
	id: '9.1.funding-sources',
	clause: '9.1.4',
	label: LABELS.fundingSources,
	level: 'required',
	section: '9.1',
	check(view) {
		const projects = projectsOf(view);
		const rows = view.rows('9.1', 'funding');
		if (projects.length === 0 && rows.length === 0) return NA;
		const findings: Finding[] = missingFieldFindings(
			'9.1',
			'funding',
			rows,
			['project', 'year', 'kind'],
			'note'
		);
		const ids = new Set(projects.map((p) => p.id).filter(Boolean));
		rows.forEach((row, i) => {
			const at = (field: string) => rowPointer('9.1', 'funding', i, row.id, field);
			if (row.project && !ids.has(row.project))
				findings.push({ message: MESSAGES.fundingDangling(i + 1), pointer: at('project') });
			if (fundingRowTotal(row) <= 0)
				findings.push({ message: MESSAGES.fundingEmpty(i + 1), pointer: at('fiscal') });
			const project = projects.find((p) => p.id === row.project);
			if (project && row.year !== null) {
				const { startYear, endYear } = project;
				// Operation runs after construction: only construction rows must sit in the project's years.
				const early = startYear !== null && row.year < startYear;
				const late = row.kind === 'construction' && endYear !== null && row.year > endYear;
				if (early || late)
					findings.push({
						message: MESSAGES.fundingOutsideProject(
							i + 1,
							row.year,
							nameOf('keyProjects', projects, projects.indexOf(project), 'name')
						),
						pointer: at('year')
					});
			}
		});
		const sums = fundingByProject(rows);
		projects.forEach((project, i) => {
			if (!project.id || project.budget === null) return;
			const funded = sums.get(project.id) ?? 0;
			if (!amountsEqual(funded, project.budget))
				findings.push({
					message: MESSAGES.fundingMismatch(
						nameOf('keyProjects', projects, i, 'name'),
						formatWan(funded),
						formatWan(project.budget)
					),
					pointer:
						funded === 0
							? blockPointer('9.1', 'funding', 'project')
							: rowPointer('9.1', 'keyProjects', i, project.id, 'budget')
				});
		});
		return outcome(findings);
	}
};

/**
 * Totals agree: the key projects' estimates, the funding table and the phases' investment are three
 * statements of the same money, and a reviewer adds them up. Also: funding years inside the plan.
 */
export const investmentTotalsRule: Rule = {
	id: '9.3.investment-totals',
	clause: '9.3.2',
	label: LABELS.investmentTotals,
	level: 'required',
	section: '9.3',
	check(view) {
		const projects = projectsOf(view);
		const funding = view.rows('9.1', 'funding');
		const phases = view.rows('9.3', 'phases');
		if (projects.length === 0 || phases.length === 0) return NA;
		const projectTotal = projects.reduce((sum, p) => sum + (p.budget ?? 0), 0);
		const fundingTotal = funding.reduce((sum, r) => sum + fundingRowTotal(r), 0);
		const findings: Finding[] = missingFieldFindings('9.3', 'phases', phases, ['budget'], 'name');
		const phaseTotal = phases.reduce((sum, p) => sum + (p.budget ?? 0), 0);
		if (!amountsEqual(projectTotal, fundingTotal))
			findings.push({
				message: MESSAGES.totalsDiffer(
					BLOCKS.funding.label,
					formatWan(fundingTotal),
					formatWan(projectTotal)
				),
				pointer: blockPointer('9.1', 'funding')
			});
		if (findings.length === 0 && !amountsEqual(projectTotal, phaseTotal))
			findings.push({
				message: MESSAGES.totalsDiffer(
					LABELS.phaseBudgets,
					formatWan(phaseTotal),
					formatWan(projectTotal)
				),
				pointer: blockPointer('9.3', 'phases', 'budget')
			});
		const { periodStart, periodEnd } = view.context;
		funding.forEach((row, i) => {
			if (row.year !== null && row.kind === 'construction' && !withinPeriod(row.year, view))
				findings.push({
					message: MESSAGES.outsidePeriod(`资金安排 ${i + 1}`, row.year, periodStart, periodEnd),
					pointer: rowPointer('9.1', 'funding', i, row.id, 'year')
				});
		});
		return outcome(findings);
	}
};

/**
 * The project library (项目库): each project names its builder, years, investment and funding source;
 * the projects filed under a key project do not cost more than the key project's estimate.
 */
export const projectLibraryRule: Rule = {
	id: '9.1.project-library',
	clause: '9.1.4',
	label: LABELS.projectLibrary,
	level: 'recommended',
	section: '9.1',
	check(view) {
		const rows = view.rows('9.1', 'projectLibrary');
		if (rows.length === 0) return NA;
		const projects = projectsOf(view);
		const findings: Finding[] = missingFieldFindings(
			'9.1',
			'projectLibrary',
			rows,
			['unit', 'startYear', 'endYear', 'investment', 'source'],
			'name'
		);
		projects.forEach((project, i) => {
			if (!project.id || project.budget === null) return;
			const filed = rows
				.filter((r) => r.keyProject === project.id)
				.reduce((sum, r) => sum + (r.investment ?? 0), 0);
			if (filed > project.budget && !amountsEqual(filed, project.budget))
				findings.push({
					message: MESSAGES.libraryOverBudget(
						nameOf('keyProjects', projects, i, 'name'),
						formatWan(filed),
						formatWan(project.budget)
					),
					pointer: blockPointer('9.1', 'projectLibrary', 'investment')
				});
		});
		return outcome(findings);
	}
};

export const INVESTMENT_RULES: readonly Rule[] = [
	prioritiesRule,
	fundingSourcesRule,
	projectLibraryRule,
	phaseOrderRule,
	investmentTotalsRule
];
