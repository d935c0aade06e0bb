/**
 * Test data: a plan that satisfies every rule, which tests then break one field at a time. Only tests
 * import this module.
 */
import type { BlockKey } from '../templates/blocks/index.ts';
import { TEMPLATES } from '../templates/registry.ts';
import { sectionDigest } from './digest.ts';
import { MANUAL_CHECKS } from './rules/manual.ts';
import type { ManualConfirmation, PlanContext } from './types.ts';

export type MutableRow = Record<string, unknown>;

export interface MutableSection {
	body: string;
	items: Record<string, string>;
	data: Partial<Record<BlockKey, MutableRow[]>>;
}

export interface MutablePlan {
	context: PlanContext;
	sections: Record<string, MutableSection>;
	confirmations?: Record<string, ManualConfirmation>;
}

/**
 * Every manual check confirmed for its section as it stands whenever it is read (getters), so tests
 * that break one field see only the rule they break; tests of staleness confirm with a fixed digest.
 */
function confirmedAsItStands(sections: Record<string, MutableSection>) {
	const confirmations: Record<string, ManualConfirmation> = {};
	for (const check of MANUAL_CHECKS)
		Object.defineProperty(confirmations, check.id, {
			enumerable: true,
			configurable: true,
			get: () => ({
				by: '审查人',
				at: '2026-12-06T02:00:00.000Z',
				digest: sectionDigest(sections[check.section] ?? { body: '', items: {}, data: {} })
			})
		});
	return confirmations;
}

const LAYERS_74 = [
	'application',
	'data-service',
	'compute',
	'network',
	'sensing',
	'construction-management',
	'security',
	'operations'
];
const LAYERS_84 = ['sensing', 'network', 'compute', 'data-service'];

export function buildPlan(context: Partial<PlanContext> = {}): MutablePlan {
	const sections: Record<string, MutableSection> = {};
	for (const template of TEMPLATES) {
		const items: Record<string, string> = {};
		for (const item of template.items) {
			if (item.fill.kind === 'prose') items[item.id] = `${item.label}：示例市的分析与设计。`;
		}
		sections[template.clause] = { body: `${template.title}正文。`, items, data: {} };
	}
	const data = (clause: string) => sections[clause].data;

	data('6.3').indicators = [
		{
			id: 'i1',
			source: 'gbt33356-2016',
			code: 'L1P1-A2',
			name: '一站式办理率',
			attribute: 'expected',
			unit: '%',
			baseYear: 2025,
			current: '62',
			target: '95',
			method: '一站式办理事项数 ÷ 依申请事项总数',
			dataSource: '市政务服务中心统计'
		},
		{ id: 'i2', source: 'local', name: '政务云资源利用率', current: '48' }
	];
	data('6.4').planRegister = [
		{
			id: 'r1',
			name: '数字中国建设整体布局规划',
			level: 'national',
			issuer: '中共中央、国务院',
			year: 2023,
			alignment: '按“2522”框架组织总体架构'
		},
		{
			id: 'r2',
			name: '示例省数字政府建设规划',
			level: 'provincial',
			issuer: '示例省人民政府',
			year: 2024,
			alignment: '接入省一体化政务服务平台'
		}
	];
	data('6.5').needs = [
		{ id: 'n1', statement: '企业开办一网通办', category: '6.5.2.c', stakeholder: 'enterprise' },
		{ id: 'n2', statement: '城市运行一屏统览', category: '6.5.2.d', stakeholder: 'government' },
		{
			id: 'n3',
			statement: '老年人线下代办服务',
			category: '6.5.2.b',
			stakeholder: 'resident',
			deferral: '由民政部门的养老服务规划安排，本设计不重复立项'
		}
	];
	data('7.3').goals = [
		{
			id: 'g1',
			level: 'overall',
			parent: null,
			statement: '建成全省领先的新型智慧城市',
			owner: '市大数据局',
			alignedPlans: '《示例市国民经济和社会发展第十五个五年规划纲要》',
			plans: ['r1', 'r2'],
			deadline: 2030,
			needs: ['n1']
		},
		{
			id: 'g2',
			level: 'specific',
			parent: 'g1',
			statement: '政务服务一网通办',
			indicator: '一站式办理率',
			indicatorRef: 'i1',
			baseline: 62,
			target: 95,
			unit: '%',
			deadline: 2029,
			owner: '市政务服务中心',
			needs: ['n1', 'n2']
		},
		{
			id: 'g3',
			level: 'phase',
			parent: 'g2',
			statement: '高频事项一网通办',
			indicator: '高频事项网办率',
			baseline: 40,
			target: 80,
			unit: '%',
			deadline: 2027,
			owner: '市政务服务中心',
			tasks: '梳理高频事项，改造受理系统',
			outcomes: '100 项高频事项全程网办'
		}
	];
	data('7.4').architectureLayers = LAYERS_74.map((layer, i) => ({
		id: `l${i}`,
		layer,
		elements: `${layer} 的主要内容`
	}));
	data('8.1').businessTree = [
		{ id: 'b1', name: '民生服务', parent: null },
		{ id: 'b2', name: '市民服务', parent: 'b1' },
		{ id: 'b3', name: '医疗服务', parent: 'b2' }
	];
	data('8.2').dataCatalog = [
		{
			id: 'dc1',
			name: '电子健康档案',
			provider: '市卫生健康委员会',
			consumers: '医疗机构、市民',
			business: ['b3'],
			systems: ['s1'],
			sharing: 'conditional'
		}
	];
	data('8.3').systems = [
		{
			id: 's1',
			name: '一网通办平台',
			mode: 'rebuild',
			goal: '统一受理',
			content: '改造现有平台',
			functions: '受理、审批',
			interfaces: ['s2'],
			interfaceNotes: '经数据共享交换平台交换办件数据'
		},
		{
			id: 's2',
			name: '城市运行管理平台',
			mode: 'new',
			goal: '一屏统览',
			content: '新建',
			functions: '监测、调度'
		}
	];
	data('8.4').architectureLayers = LAYERS_84.map((layer, i) => ({
		id: `f${i}`,
		layer,
		elements: `${layer} 基础设施`
	}));
	data('9.1').keyProjects = [
		{
			id: 'p1',
			name: '一网通办提升工程',
			goal: '到2028年一站式办理率达到95%',
			content: '改造一网通办平台，接入 1200 项事项',
			mode: '政府购买服务',
			startYear: 2026,
			endYear: 2028,
			budget: 3500,
			leadUnit: '市政务服务中心',
			priority: 'high',
			needs: ['n1'],
			goals: ['g2']
		},
		{
			id: 'p2',
			name: '城市运行管理中心',
			goal: '接入 30 个部门的运行数据',
			content: '新建城市运行管理平台',
			mode: '新建',
			startYear: 2027,
			endYear: 2030,
			budget: 0,
			leadUnit: '市城市运行管理中心',
			priority: 'medium',
			needs: ['n2'],
			goals: ['g1']
		}
	];
	data('9.1').funding = [
		{ id: 'f1', project: 'p1', year: 2026, kind: 'construction', fiscal: 2000 },
		{ id: 'f2', project: 'p1', year: 2027, kind: 'construction', bond: 1500 }
	];
	data('9.1').fiscalCapacity = [
		{ id: 'fc1', year: 2026, budget: 2000000, pppObligations: 60000, source: '2026年预算报告' }
	];
	data('9.1').projectLibrary = [
		{
			id: 'lib1',
			name: '一网通办平台改造',
			unit: '市政务服务中心',
			startYear: 2026,
			endYear: 2027,
			investment: 1200,
			source: '财政资金',
			keyProject: 'p1'
		}
	];
	data('9.2').operatingModel = [
		{ id: 'm1', project: 'p1', model: 'government-enterprise', rationale: '政府购买服务' },
		{ id: 'm2', project: 'p2', model: 'government-government', rationale: '涉及城市安全' }
	];
	data('9.3').phases = [
		{
			id: 'ph1',
			name: '夯实基础',
			start: '2026-01-01',
			end: '2027-12-31',
			tasks: '建平台',
			budget: 3500,
			projects: ['p1']
		},
		{
			id: 'ph2',
			name: '全面提升',
			start: '2028-01-01',
			end: '2030-12-31',
			tasks: '深化应用',
			budget: 0,
			projects: ['p2']
		}
	];
	return {
		context: { periodStart: 2026, periodEnd: 2030, ...context },
		sections,
		confirmations: confirmedAsItStands(sections)
	};
}

/** The rows of a section's block, for tests to edit in place. */
export function rowsOf(plan: MutablePlan, clause: string, block: BlockKey): MutableRow[] {
	const section = plan.sections[clause];
	const rows = section.data[block] ?? [];
	section.data[block] = rows;
	return rows;
}

export function rowOf(plan: MutablePlan, clause: string, block: BlockKey, id: string): MutableRow {
	const row = rowsOf(plan, clause, block).find((r) => r.id === id);
	if (!row) throw new Error(`fixture has no ${block} row ${id} in ${clause}`);
	return row;
}
