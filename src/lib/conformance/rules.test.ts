import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/registry.ts';
import { evaluatePlan } from './evaluate.ts';
import { buildPlan, rowOf, rowsOf, type MutablePlan } from './fixtures.ts';
import { RULES } from './rules/index.ts';
import { MANUAL_CHECKS } from './rules/manual.ts';
import type { Pointer, RuleResult } from './types.ts';

function result(plan: MutablePlan, id: string): RuleResult {
	const checklist = evaluatePlan(plan);
	const all = [...checklist.plan, ...checklist.sections.flatMap((s) => s.results)];
	const found = all.find((r) => r.id === id);
	if (!found) throw new Error(`no result for rule ${id}`);
	return found;
}

function failures(plan: MutablePlan, id: string): { message: string; pointer: Pointer }[] {
	const r = result(plan, id);
	return r.status === 'fail' ? [...r.findings] : [];
}

/** One way to break each rule that is not an item rule; item rules are broken generically below. */
const BREAKS: Record<string, (plan: MutablePlan) => void> = {
	'4.3.period': (p) => (p.context.periodEnd = 2032),
	'6.3.indicators': (p) => (rowOf(p, '6.3', 'indicators', 'i1').current = ''),
	'6.4.body': (p) => (p.sections['6.4'].body = ' \n '),
	'6.5.needs': (p) => (rowOf(p, '6.5', 'needs', 'n1').category = 'not-a-category'),
	'7.3.1.levels': (p) => (rowOf(p, '7.3', 'goals', 'g2').parent = null),
	'7.3.3.a': (p) => (rowOf(p, '7.3', 'goals', 'g3').owner = ''),
	'7.3.3.b': (p) => (rowOf(p, '7.3', 'goals', 'g3').unit = ''),
	'7.3.3.c': (p) => (rowOf(p, '7.3', 'goals', 'g3').baseline = null),
	'7.3.3.d': (p) => (p.sections['6.1'].items['6.1.2.2'] = ''),
	'7.3.3.e': (p) => {
		rowOf(p, '7.3', 'goals', 'g1').alignedPlans = '';
		rowOf(p, '7.3', 'goals', 'g1').plans = [];
	},
	'7.3.3.f': (p) => (rowOf(p, '7.3', 'goals', 'g3').deadline = 2031),
	'trace.needs-goals': (p) => (rowOf(p, '7.3', 'goals', 'g2').needs = ['n1']),
	'trace.needs-projects': (p) => (rowOf(p, '9.1', 'keyProjects', 'p2').needs = []),
	'trace.projects-goals': (p) => (rowOf(p, '9.1', 'keyProjects', 'p2').goals = ['deleted-goal']),
	...Object.fromEntries(
		['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7'].map((clause) => [
			`3.2.${clause}`,
			(p: MutablePlan) => {
				const section = p.sections[clause];
				section.body = '';
				for (const id of Object.keys(section.items)) section.items[id] = '';
				for (const rows of Object.values(section.data)) {
					for (const row of rows)
						for (const key of Object.keys(row)) row[key] = key === 'id' ? row.id : '';
				}
			}
		])
	),
	'8.1.tree': (p) => (rowOf(p, '8.1', 'businessTree', 'b1').parent = 'b3'),
	'8.1.three-levels': (p) => rowsOf(p, '8.1', 'businessTree').splice(2, 1),
	'8.3.2.systems': (p) => (rowOf(p, '8.3', 'systems', 's2').functions = ''),
	'8.3.3.interfaces': (p) => (rowOf(p, '8.3', 'systems', 's1').interfaceNotes = ''),
	'9.1.key-projects': (p) => (p.sections['9.1'].data.keyProjects = []),
	'9.1.4.a': (p) => (rowOf(p, '9.1', 'keyProjects', 'p1').goal = '全面提升政务服务水平'),
	'9.1.4.b': (p) => (rowOf(p, '9.1', 'keyProjects', 'p1').budget = null),
	'9.1.period': (p) => (rowOf(p, '9.1', 'keyProjects', 'p2').endYear = 2032),
	'9.2.models': (p) => rowsOf(p, '9.2', 'operatingModel').splice(1, 1),
	'9.3.phases': (p) => (rowOf(p, '9.3', 'phases', 'ph2').end = '2031-06-30'),
	'4.1.4.stakeholders': (p) => (rowOf(p, '6.5', 'needs', 'n3').stakeholder = 'government'),
	'6.3.indicator-system': (p) => (rowOf(p, '6.3', 'indicators', 'i1').method = ''),
	'6.4.register': (p) => rowsOf(p, '6.4', 'planRegister').splice(1, 1),
	'7.3.2.phase-goals': (p) => (rowOf(p, '7.3', 'goals', 'g3').outcomes = ''),
	'6.3.used-by-goals': (p) => (rowOf(p, '7.3', 'goals', 'g2').indicatorRef = null),
	'9.1.2.priorities': (p) => (rowOf(p, '9.1', 'keyProjects', 'p2').priority = null),
	'9.1.2.phase-order': (p) => (rowOf(p, '9.1', 'keyProjects', 'p1').priority = 'low'),
	'9.1.funding-sources': (p) => (rowOf(p, '9.1', 'funding', 'f2').bond = 1000),
	'9.3.investment-totals': (p) => (rowOf(p, '9.3', 'phases', 'ph1').budget = 3000),
	'9.1.project-library': (p) => (rowOf(p, '9.1', 'projectLibrary', 'lib1').unit = ''),
	'8.2.data-catalog': (p) => (rowOf(p, '8.2', 'dataCatalog', 'dc1').systems = ['gone']),
	'9.1.fiscal-capacity': (p) => (rowOf(p, '9.1', 'fiscalCapacity', 'fc1').year = 2027),
	'9.1.ppp-red-line': (p) => (rowOf(p, '9.1', 'fiscalCapacity', 'fc1').pppObligations = 200001),
	// Manual checks: the confirmation withdrawn (staleness is tested in manual.test.ts).
	...Object.fromEntries(
		MANUAL_CHECKS.map((c) => [c.id, (p: MutablePlan) => delete p.confirmations?.[c.id]])
	)
};

const itemRuleIds = RULES.filter((r) => r.id.startsWith('item:')).map((r) => r.id);

describe('the rule catalogue', () => {
	it('has unique rule ids', () => {
		const ids = RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has a breaking case below for every rule', () => {
		const covered = new Set([...Object.keys(BREAKS), ...itemRuleIds]);
		expect([...covered].sort()).toEqual(RULES.map((r) => r.id).sort());
	});

	it('gives every rule a Chinese label and a clause of the standard', () => {
		for (const rule of RULES) {
			expect(rule.label).toMatch(/[\u4e00-\u9fff]/);
			expect(rule.clause).toMatch(/^(\d+(\.\d+)*|A\.1|B\.1\.1)$/);
		}
	});
});

describe('a complete plan', () => {
	it('passes every rule', () => {
		const checklist = evaluatePlan(buildPlan());
		const all = [...checklist.plan, ...checklist.sections.flatMap((s) => s.results)];
		expect(all.length).toBe(RULES.length);
		expect(all.filter((r) => r.status !== 'pass').map((r) => r.id)).toEqual([]);
	});
});

describe('each rule fails when its requirement is broken', () => {
	it.each(Object.keys(BREAKS))('%s', (id) => {
		const plan = buildPlan();
		BREAKS[id](plan);
		const r = result(plan, id);
		expect(r.status).toBe('fail');
		if (r.status !== 'fail') return;
		for (const finding of r.findings) expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
	});

	it.each(itemRuleIds)('%s', (ruleId) => {
		const plan = buildPlan();
		const itemId = ruleId.slice('item:'.length);
		const template = TEMPLATES.find((t) => t.items.some((i) => i.id === itemId));
		const item = template?.items.find((i) => i.id === itemId);
		if (!template || !item) throw new Error(`no item ${itemId}`);
		const fill = item.fill;
		if (fill.kind === 'prose') plan.sections[template.clause].items[itemId] = '  \n\t';
		else if (fill.kind === 'row') {
			for (const row of rowsOf(plan, template.clause, fill.block)) {
				if (row[fill.field] === fill.value) row[fill.content] = '';
			}
		}
		const [finding, ...rest] = failures(plan, ruleId);
		expect(rest).toEqual([]);
		expect(finding?.pointer).toMatchObject(
			fill.kind === 'prose'
				? { kind: 'item', section: template.clause, item: itemId }
				: { kind: 'block', section: template.clause, field: 'elements' }
		);
	});
});

describe('4.3 planning period', () => {
	it.each([
		[2026, 2030, 'pass'],
		[2026, 2028, 'pass'],
		[2026, 2027, 'fail'],
		[2026, 2031, 'fail']
	])('%i—%i → %s', (periodStart, periodEnd, status) => {
		const r = result(buildPlan({ periodStart, periodEnd }), '4.3.period');
		expect(r.status).toBe(status);
	});

	it('points at the plan settings', () => {
		expect(failures(buildPlan({ periodEnd: 2027 }), '4.3.period')).toEqual([
			{ message: expect.stringContaining('短于 3 年'), pointer: { kind: 'plan', field: 'period' } }
		]);
	});
});

describe('row items (7.4.2, 8.4.2)', () => {
	it('fail with a pointer to the layer field when the layer has no row at all', () => {
		const plan = buildPlan();
		const rows = rowsOf(plan, '8.4', 'architectureLayers');
		rows.splice(
			rows.findIndex((r) => r.layer === 'network'),
			1
		);
		expect(failures(plan, 'item:8.4.2.b')).toEqual([
			{
				message: expect.stringContaining('网络通信层基础设施'),
				pointer: { kind: 'block', section: '8.4', block: 'architectureLayers', field: 'layer' }
			}
		]);
	});

	it('are checked per section: 8.4 rows do not satisfy 7.4', () => {
		const plan = buildPlan();
		plan.sections['7.4'].data.architectureLayers = [];
		expect(result(plan, 'item:7.4.2.sensing').status).toBe('fail');
		expect(result(plan, 'item:8.4.2.a').status).toBe('pass');
	});
});

describe('chapter 6', () => {
	it('6.3 fails without indicators and points at the missing current value', () => {
		const empty = buildPlan();
		empty.sections['6.3'].data.indicators = [];
		expect(result(empty, '6.3.indicators').status).toBe('fail');

		const plan = buildPlan();
		BREAKS['6.3.indicators'](plan);
		expect(failures(plan, '6.3.indicators')[0].pointer).toEqual({
			kind: 'block',
			section: '6.3',
			block: 'indicators',
			row: 0,
			rowId: 'i1',
			field: 'current'
		});
	});

	it('6.5 reads an unknown category as missing', () => {
		const plan = buildPlan();
		BREAKS['6.5.needs'](plan);
		const [finding] = failures(plan, '6.5.needs');
		expect(finding.message).toContain('需求类别');
		expect(finding.pointer).toMatchObject({ row: 0, field: 'category' });
	});
});

describe('7.3 goals', () => {
	it('7.3.1 needs an overall goal', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g1').level = 'specific';
		const messages = failures(plan, '7.3.1.levels').map((f) => f.message);
		expect(messages).toContain('至少需要一个总体目标。');
	});

	it('7.3.1 wants a 阶段目标 due no later than its parent', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g3').deadline = 2030;
		const [finding] = failures(plan, '7.3.1.levels');
		expect(finding.message).toContain('晚于');
		expect(finding.pointer).toMatchObject({ row: 2, rowId: 'g3', field: 'deadline' });
	});

	it('7.3.1 rejects a 细分目标 under a 阶段目标', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g2').parent = 'g3';
		const [finding] = failures(plan, '7.3.1.levels');
		expect(finding.message).toContain('应挂在总体目标之下');
	});

	it('7.3.1 fails when there are no goals, and the 7.3.3 rules are then not applicable', () => {
		const plan = buildPlan();
		plan.sections['7.3'].data.goals = [];
		expect(result(plan, '7.3.1.levels').status).toBe('fail');
		for (const id of ['7.3.3.a', '7.3.3.b', '7.3.3.c', '7.3.3.d', '7.3.3.e', '7.3.3.f']) {
			expect(result(plan, id).status).toBe('na');
		}
	});

	it('7.3.3 b) lets an overall goal be measured through a measurable sub-goal, but not without one', () => {
		const plan = buildPlan();
		expect(result(plan, '7.3.3.b').status).toBe('pass');
		rowOf(plan, '7.3', 'goals', 'g2').target = null;
		const findings = failures(plan, '7.3.3.b');
		expect(findings.map((f) => f.pointer)).toEqual([
			expect.objectContaining({ rowId: 'g1', field: 'indicator' }),
			expect.objectContaining({ rowId: 'g2', field: 'target' })
		]);
		expect(findings[1].message).toContain('目标值');
	});

	it('7.3.3 b) accepts a target given as a numeric string, and rejects a non-numeric one', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g3').target = '80';
		expect(result(plan, '7.3.3.b').status).toBe('pass');
		rowOf(plan, '7.3', 'goals', 'g3').target = '八成';
		expect(result(plan, '7.3.3.b').status).toBe('fail');
	});

	it('7.3.3 c) is not applicable when no goal has a target value', () => {
		const plan = buildPlan();
		for (const goal of rowsOf(plan, '7.3', 'goals')) goal.target = null;
		expect(result(plan, '7.3.3.c').status).toBe('na');
	});

	it('7.3.3 d) points at the vision in 6.1', () => {
		const plan = buildPlan();
		BREAKS['7.3.3.d'](plan);
		expect(failures(plan, '7.3.3.d')[0].pointer).toEqual({
			kind: 'item',
			section: '6.1',
			item: '6.1.2.2'
		});
	});

	it('7.3.3 e) also asks for the analysis of other plans in 6.4', () => {
		const plan = buildPlan();
		plan.sections['6.4'].body = '';
		expect(failures(plan, '7.3.3.e')[0].pointer).toEqual({ kind: 'body', section: '6.4' });
	});

	it('7.3.3 f) needs a deadline inside the planning period, both ends included', () => {
		const plan = buildPlan();
		rowOf(plan, '7.3', 'goals', 'g1').deadline = 2030;
		rowOf(plan, '7.3', 'goals', 'g3').deadline = 2026;
		expect(result(plan, '7.3.3.f').status).toBe('pass');
		rowOf(plan, '7.3', 'goals', 'g3').deadline = 2025;
		rowOf(plan, '7.3', 'goals', 'g2').deadline = null;
		const findings = failures(plan, '7.3.3.f');
		expect(findings.map((f) => f.pointer)).toEqual([
			expect.objectContaining({ rowId: 'g2', field: 'deadline' }),
			expect.objectContaining({ rowId: 'g3', field: 'deadline' })
		]);
		expect(findings[1].message).toContain('2026—2030年');
	});
});

describe('traceability', () => {
	it('names the need that no goal serves and points at the goals’ 对应需求', () => {
		const plan = buildPlan();
		BREAKS['trace.needs-goals'](plan);
		expect(failures(plan, 'trace.needs-goals')).toEqual([
			{
				message: expect.stringContaining('城市运行一屏统览'),
				pointer: { kind: 'block', section: '7.3', block: 'goals', field: 'needs' }
			}
		]);
	});

	it('is not applicable while 6.5 lists no needs', () => {
		const plan = buildPlan();
		plan.sections['6.5'].data.needs = [];
		expect(result(plan, 'trace.needs-goals').status).toBe('na');
		expect(result(plan, 'trace.needs-projects').status).toBe('na');
	});

	it('shows need → goal in 7.3 and need → project in 9.1', () => {
		const checklist = evaluatePlan(buildPlan());
		const section = (id: string) =>
			checklist.sections.find((s) => s.results.some((r) => r.id === id))?.clause;
		expect(section('trace.needs-goals')).toBe('7.3');
		expect(section('trace.needs-projects')).toBe('9.1');
	});
});

describe('chapter 8', () => {
	it('3.2 does not count preset rows that only carry names as design', () => {
		const plan = buildPlan();
		plan.sections['8.4'].body = '';
		for (const row of rowsOf(plan, '8.4', 'architectureLayers')) {
			row.name = '物联感知层基础设施';
			row.elements = '';
		}
		expect(result(plan, '3.2.8.4').status).toBe('fail');
		rowsOf(plan, '8.4', 'architectureLayers')[0].approach = '复用现有政务云';
		expect(result(plan, '3.2.8.4').status).toBe('pass');
	});

	it('3.2 passes on a written body alone', () => {
		const plan = buildPlan();
		BREAKS['3.2.8.6'](plan);
		expect(result(plan, '3.2.8.6').status).toBe('fail');
		plan.sections['8.6'].body = '标准体系框架……';
		expect(result(plan, '3.2.8.6').status).toBe('pass');
	});

	it('8.1 reports a loop and a dangling parent at the row', () => {
		const plan = buildPlan();
		BREAKS['8.1.tree'](plan);
		const messages = failures(plan, '8.1.tree').map((f) => f.message);
		expect(messages.every((m) => m.includes('循环'))).toBe(true);
		expect(messages).toHaveLength(3);

		const dangling = buildPlan();
		rowOf(dangling, '8.1', 'businessTree', 'b3').parent = 'gone';
		expect(failures(dangling, '8.1.tree')).toEqual([
			{
				message: expect.stringContaining('上级业务已不存在'),
				pointer: expect.objectContaining({ rowId: 'b3', field: 'parent' })
			}
		]);
	});

	it('8.1 needs three levels under every 一级 business, and allows a fourth', () => {
		const plan = buildPlan();
		rowsOf(plan, '8.1', 'businessTree').push(
			{ id: 'b4', name: '城市治理', parent: null },
			{ id: 'b5', name: '城市管理', parent: 'b4' },
			{ id: 'b6', name: '挂号', parent: 'b3' }
		);
		const findings = failures(plan, '8.1.three-levels');
		expect(findings).toEqual([
			{
				message: '二级业务：业务 5“城市管理”下没有三级业务。',
				pointer: expect.objectContaining({ rowId: 'b5' })
			}
		]);
	});

	it('8.3.3 is not applicable to a single system and needs described interfaces between several', () => {
		const single = buildPlan();
		rowsOf(single, '8.3', 'systems').splice(1, 1);
		rowOf(single, '8.3', 'systems', 's1').interfaces = [];
		expect(result(single, '8.3.3.interfaces').status).toBe('na');

		const none = buildPlan();
		rowOf(none, '8.3', 'systems', 's1').interfaces = [];
		expect(failures(none, '8.3.3.interfaces')[0].message).toContain('没有明确任何系统之间的接口');

		const self = buildPlan();
		rowOf(self, '8.3', 'systems', 's1').interfaces = ['s1'];
		expect(failures(self, '8.3.3.interfaces')[0].pointer).toMatchObject({ field: 'interfaces' });
	});

	it('8.3.2 lists every missing field of a system in one finding', () => {
		const plan = buildPlan();
		const s2 = rowOf(plan, '8.3', 'systems', 's2');
		s2.mode = null;
		s2.goal = '';
		expect(failures(plan, '8.3.2.systems')).toEqual([
			{
				message: '系统 2“城市运行管理平台”未填写：建设方式、建设目标。',
				pointer: expect.objectContaining({ row: 1, field: 'mode' })
			}
		]);
	});
});

describe('chapter 9', () => {
	it('9.1.4 a) takes Arabic digits, full-width ones too, as the quantity', () => {
		const plan = buildPlan();
		rowOf(plan, '9.1', 'keyProjects', 'p1').goal = '一站式办理率达到９５％';
		expect(result(plan, '9.1.4.a').status).toBe('pass');
		rowOf(plan, '9.1', 'keyProjects', 'p1').goal = '建成一体化平台';
		expect(failures(plan, '9.1.4.a')[0].message).toContain('没有量化的数值');
		rowOf(plan, '9.1', 'keyProjects', 'p1').goal = '';
		expect(failures(plan, '9.1.4.a')[0].pointer).toMatchObject({ rowId: 'p1', field: 'goal' });
	});

	it('9.1.4 b) accepts a zero budget (enterprise-funded) and rejects a period that runs backwards', () => {
		const plan = buildPlan();
		expect(rowOf(plan, '9.1', 'keyProjects', 'p2').budget).toBe(0);
		expect(result(plan, '9.1.4.b').status).toBe('pass');
		rowOf(plan, '9.1', 'keyProjects', 'p2').startYear = 2031;
		expect(failures(plan, '9.1.4.b')[0].message).toContain('开始时间晚于结束时间');
	});

	it('9.1.4 rules are not applicable without key projects, which 9.1.key-projects reports', () => {
		const plan = buildPlan();
		BREAKS['9.1.key-projects'](plan);
		expect(result(plan, '9.1.key-projects').status).toBe('fail');
		expect(result(plan, '9.1.4.a').status).toBe('na');
		expect(result(plan, '9.1.4.b').status).toBe('na');
		expect(result(plan, '9.2.models').status).toBe('na');
	});

	it('9.2 wants one model per project, with a rationale', () => {
		const plan = buildPlan();
		rowsOf(plan, '9.2', 'operatingModel').push({
			id: 'm3',
			project: 'p1',
			model: 'enterprise-enterprise'
		});
		expect(failures(plan, '9.2.models')[0].message).toContain('不止一种');

		const noReason = buildPlan();
		rowOf(noReason, '9.2', 'operatingModel', 'm2').rationale = '';
		expect(failures(noReason, '9.2.models')[0].pointer).toMatchObject({
			section: '9.2',
			rowId: 'm2',
			field: 'rationale'
		});
	});

	it('9.3 wants phases inside the period and in order', () => {
		const plan = buildPlan();
		rowOf(plan, '9.3', 'phases', 'ph1').end = '2025-12-31';
		const messages = failures(plan, '9.3.phases').map((f) => f.message);
		expect(messages).toEqual([
			expect.stringContaining('开始时间晚于结束时间'),
			expect.stringContaining('2025')
		]);
	});
});

describe('hostile or malformed data', () => {
	it('never throws, and reads nonsense as missing', () => {
		const plan = buildPlan();
		const sections = plan.sections as Record<string, unknown>;
		sections['7.3'] = { body: 42, items: null, data: { goals: 'not rows' } };
		sections['9.1'] = { body: '', items: {}, data: { keyProjects: [null, 7, ['x'], { id: 5 }] } };
		sections['8.6'] = { body: null, items: 'nope', data: [] };
		sections['6.1'] = 'not a section';
		plan.sections['6.5'].items['6.5.2.a'] = 42 as unknown as string;
		const checklist = evaluatePlan(plan as Parameters<typeof evaluatePlan>[0]);
		const all = checklist.sections.flatMap((s) => s.results);
		expect(all.find((r) => r.id === '7.3.1.levels')?.status).toBe('fail');
		expect(all.find((r) => r.id === '9.1.key-projects')?.status).toBe('fail');
		expect(all.find((r) => r.id === '3.2.8.6')?.status).toBe('fail');
		expect(all.find((r) => r.id === 'item:6.1.2.2')?.status).toBe('fail');
		expect(all.find((r) => r.id === 'item:6.5.2.a')?.status).toBe('fail');
		expect(all.find((r) => r.id === 'item:6.5.2.b')?.status).toBe('pass');
	});
});
