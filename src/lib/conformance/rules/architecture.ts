/** Chapter 8: the seven dimensions of 3.2, 8.1's three-level business tree, 8.3's systems. */
import {
	BLOCKS,
	BUSINESS_LEVEL_LABELS,
	type BusinessNodeRow
} from '../../templates/blocks/index.ts';
import { TEMPLATES } from '../../templates/registry.ts';
import type { SectionTemplate } from '../../templates/types.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import type { Finding } from '../types.ts';
import { filled, type PlanView } from '../view.ts';
import { blockPointer, missingFieldFindings, nameOf, rowPointer } from './fields.ts';
import { fail, NA, outcome, PASS, type Rule } from './rule.ts';

/**
 * Whether a section holds any design: written body or item, or a row with prose in it. Rows seeded
 * from a preset carry only names, and adopting a preset is not yet designing, so text fields that
 * merely name a row do not count — only long-text fields do.
 */
function hasContent(view: PlanView, template: SectionTemplate): boolean {
	if (filled(view.body(template.clause))) return true;
	if (template.items.some((item) => filled(view.item(template.clause, item.id)))) return true;
	return template.structured.some((block) => {
		const prose = BLOCKS[block].fields.filter((f) => f.kind === 'longtext').map((f) => f.key);
		return view
			.records(template.clause, block)
			.some((row) => prose.some((key) => filled(String(row[key] ?? ''))));
	});
}

/** 3.2: 业务、数据、应用、基础设施、安全、标准、产业 — sections 8.1–8.7, each designed. */
export const dimensionRules: readonly Rule[] = TEMPLATES.filter((t) => t.chapter === '8').map(
	(template) => ({
		id: `3.2.${template.clause}`,
		clause: '3.2',
		label: LABELS.dimension(template.title),
		level: 'required',
		section: template.clause,
		check(view: PlanView) {
			return hasContent(view, template)
				? PASS
				: fail({
						message: MESSAGES.noDesign(`${template.clause} ${template.title}`),
						pointer: { kind: 'body', section: template.clause }
					});
		}
	})
);

interface TreeNode {
	index: number;
	row: BusinessNodeRow;
	/** 1 for a root; undefined when the chain of parents is broken or loops. */
	depth: number | undefined;
	problem?: 'dangling' | 'cycle';
}

/** Depth of each node by walking its parents; broken and looping chains are marked, not followed. */
function businessTree(rows: readonly BusinessNodeRow[]): TreeNode[] {
	const byId = new Map(rows.filter((r) => r.id).map((r) => [r.id, r]));
	return rows.map((row, index) => {
		const seen = new Set<string>([row.id]);
		let depth = 1;
		let current = row;
		while (current.parent) {
			const parent = byId.get(current.parent);
			if (!parent) return { index, row, depth: undefined, problem: 'dangling' };
			if (seen.has(parent.id)) return { index, row, depth: undefined, problem: 'cycle' };
			seen.add(parent.id);
			current = parent;
			depth += 1;
		}
		return { index, row, depth };
	});
}

/** 8.1.3 多级结构: every node named, every parent existing, no loops. */
export const businessTreeRule: Rule = {
	id: '8.1.tree',
	clause: '8.1.3',
	label: LABELS.businessTree,
	level: 'required',
	section: '8.1',
	check(view) {
		const rows = view.rows('8.1', 'businessTree');
		if (rows.length === 0) {
			return fail({
				message: MESSAGES.noRows(BLOCKS.businessTree.label),
				pointer: blockPointer('8.1', 'businessTree')
			});
		}
		const findings: Finding[] = missingFieldFindings('8.1', 'businessTree', rows, ['name'], 'name');
		for (const node of businessTree(rows)) {
			if (!node.problem) continue;
			const name = nameOf('businessTree', rows, node.index, 'name');
			findings.push({
				message: node.problem === 'dangling' ? MESSAGES.danglingParent(name) : MESSAGES.cycle(name),
				pointer: rowPointer('8.1', 'businessTree', node.index, node.row.id, 'parent')
			});
		}
		return outcome(findings);
	}
};

/**
 * B.1.1 (业务架构宜分为三级): there are 一级 nodes, each has 二级 children and each 二级 has 三级
 * children. Deeper levels are allowed (8.1.3: 一般为多级结构). Nodes in broken chains are left to the
 * tree rule. Appendix B is informative (资料性附录) and the clause says 宜, so this recommends.
 */
export const businessLevelsRule: Rule = {
	id: '8.1.three-levels',
	clause: 'B.1.1',
	label: LABELS.businessLevels,
	level: 'recommended',
	section: '8.1',
	check(view) {
		const rows = view.rows('8.1', 'businessTree');
		if (rows.length === 0) return NA;
		const nodes = businessTree(rows);
		const roots = nodes.filter((n) => n.depth === 1);
		if (roots.length === 0) {
			return fail({
				message: MESSAGES.noLevel1,
				pointer: blockPointer('8.1', 'businessTree', 'parent')
			});
		}
		const findings: Finding[] = [];
		for (const node of nodes) {
			if (node.depth !== 1 && node.depth !== 2) continue;
			if (nodes.some((n) => n.depth !== undefined && n.row.parent === node.row.id && node.row.id)) {
				continue;
			}
			findings.push({
				message: MESSAGES.noChildren(
					nameOf('businessTree', rows, node.index, 'name'),
					BUSINESS_LEVEL_LABELS[node.depth - 1],
					BUSINESS_LEVEL_LABELS[node.depth]
				),
				pointer: rowPointer('8.1', 'businessTree', node.index, node.row.id)
			});
		}
		return outcome(findings);
	}
};

/** 8.3.2 (应): each system's goal, content and main functions, and whether it is new, rebuilt or reused. */
export const systemsRule: Rule = {
	id: '8.3.2.systems',
	clause: '8.3.2',
	label: LABELS.systems,
	level: 'required',
	section: '8.3',
	check(view) {
		const rows = view.rows('8.3', 'systems');
		if (rows.length === 0) {
			return fail({
				message: MESSAGES.noRows(BLOCKS.systems.label),
				pointer: blockPointer('8.3', 'systems')
			});
		}
		return outcome(
			missingFieldFindings(
				'8.3',
				'systems',
				rows,
				['name', 'mode', 'goal', 'content', 'functions'],
				'name'
			)
		);
	}
};

/**
 * 8.3.3 (应 明确系统、节点、数据交互关系). With several systems some must exchange data, so at least
 * one interface is declared; every declared interface points at another existing system and is
 * described. A lone system has nothing to connect to inside the plan.
 */
export const interfacesRule: Rule = {
	id: '8.3.3.interfaces',
	clause: '8.3.3',
	label: LABELS.interfaces,
	level: 'required',
	section: '8.3',
	check(view) {
		const rows = view.rows('8.3', 'systems');
		if (rows.length < 2) return NA;
		const ids = new Set(rows.map((r) => r.id).filter(Boolean));
		if (!rows.some((r) => r.interfaces.length > 0)) {
			return fail({
				message: MESSAGES.interfacesMissing,
				pointer: blockPointer('8.3', 'systems', 'interfaces')
			});
		}
		const findings: Finding[] = [];
		rows.forEach((row, i) => {
			if (row.interfaces.length === 0) return;
			const name = nameOf('systems', rows, i, 'name');
			if (row.interfaces.some((id) => id === row.id || !ids.has(id))) {
				findings.push({
					message: MESSAGES.badInterface(name),
					pointer: rowPointer('8.3', 'systems', i, row.id, 'interfaces')
				});
			}
			if (!filled(row.interfaceNotes)) {
				findings.push({
					message: MESSAGES.interfaceNotes(name),
					pointer: rowPointer('8.3', 'systems', i, row.id, 'interfaceNotes')
				});
			}
		});
		return outcome(findings);
	}
};

export const ARCHITECTURE_RULES: readonly Rule[] = [
	...dimensionRules,
	businessTreeRule,
	businessLevelsRule,
	systemsRule,
	interfacesRule
];
