/**
 * 8.2.1: the data the business processes depend on, with 提供方, 需求方 and protection — kept as the
 * 数据资源目录, each entry linked to the businesses (8.1) it serves and the systems (8.3) that use it.
 * Recommended: 8.2.1 states no modal verb, and a first draft may catalogue only the main resources.
 */
import type { Finding } from '../types.ts';
import { missingFieldFindings, nameOf, rowPointer } from './fields.ts';
import { NA, outcome, type Rule } from './rule.ts';

export const DATA_CATALOG_WORDS = {
	label: '数据资源目录每项写明提供方、需求方、支撑业务、使用系统和共享属性',
	dangling: (name: string, what: string) => `${name}指向的${what}已不存在。`
} as const;

export const dataCatalogRule: Rule = {
	id: '8.2.data-catalog',
	clause: '8.2.1',
	label: DATA_CATALOG_WORDS.label,
	level: 'recommended',
	section: '8.2',
	check(view) {
		const rows = view.rows('8.2', 'dataCatalog');
		if (rows.length === 0) return NA;
		const findings: Finding[] = missingFieldFindings(
			'8.2',
			'dataCatalog',
			rows,
			['provider', 'consumers', 'business', 'systems', 'sharing'],
			'name'
		);
		const businesses = new Set(view.rows('8.1', 'businessTree').map((r) => r.id));
		const systems = new Set(view.rows('8.3', 'systems').map((r) => r.id));
		rows.forEach((row, i) => {
			const name = nameOf('dataCatalog', rows, i, 'name');
			if (row.business.some((id) => !businesses.has(id)))
				findings.push({
					message: DATA_CATALOG_WORDS.dangling(name, '业务'),
					pointer: rowPointer('8.2', 'dataCatalog', i, row.id, 'business')
				});
			if (row.systems.some((id) => !systems.has(id)))
				findings.push({
					message: DATA_CATALOG_WORDS.dangling(name, '应用系统'),
					pointer: rowPointer('8.2', 'dataCatalog', i, row.id, 'systems')
				});
		});
		return outcome(findings);
	}
};
