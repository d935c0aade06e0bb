import { defineBlock } from './fields.ts';

/** 7.3.1: 建设目标宜分为总体目标、细分目标、阶段目标. */
export const GOAL_LEVELS = [
	{ value: 'overall', label: '总体目标' },
	{ value: 'specific', label: '细分目标' },
	{ value: 'phase', label: '阶段目标' }
] as const;

/**
 * 7.3's goals. The fields are what 7.3.3 a)–f) needs to be checkable: an owner and statement
 * (明确), indicator, target and unit (可衡量), a baseline (可达成), the related plans it agrees with
 * (与其他规划一致), a deadline year (时限); `parent` makes the 总体 → 细分 → 阶段 hierarchy explicit.
 * `indicatorRef` carries a 6.3 indicator (现状) into the goal (目标); `tasks`/`outcomes` are 7.3.2's
 * stage tasks and results, filled on 阶段目标 so 总体设计 states them before 9.3 does.
 */
export const goalsBlock = defineBlock({
	key: 'goals',
	label: '建设目标',
	rowLabel: '目标',
	fields: [
		{ key: 'level', label: '目标层次', kind: 'enum', options: GOAL_LEVELS },
		{
			key: 'parent',
			label: '上级目标',
			kind: 'reference',
			section: '7.3',
			block: 'goals',
			multiple: false
		},
		{ key: 'statement', label: '目标表述', kind: 'longtext' },
		{ key: 'indicator', label: '衡量指标', kind: 'text' },
		{
			key: 'indicatorRef',
			label: '对应评价指标（6.3）',
			kind: 'reference',
			section: '6.3',
			block: 'indicators',
			multiple: false
		},
		{ key: 'baseline', label: '基线值', kind: 'number' },
		{ key: 'target', label: '目标值', kind: 'number' },
		{ key: 'unit', label: '单位', kind: 'text' },
		{ key: 'deadline', label: '完成年份', kind: 'year' },
		{ key: 'owner', label: '责任单位', kind: 'text' },
		{
			key: 'alignedPlans',
			label: '衔接的相关规划',
			kind: 'text',
			hint: '如《XX市国民经济和社会发展第十五个五年规划纲要》'
		},
		{
			key: 'plans',
			label: '衔接的登记规划（6.4）',
			kind: 'reference',
			section: '6.4',
			block: 'planRegister',
			multiple: true
		},
		{
			key: 'tasks',
			label: '阶段主要任务',
			kind: 'longtext',
			hint: '7.3.2：阶段目标宜明确各个阶段的主要任务、建设内容、建设成果'
		},
		{ key: 'outcomes', label: '阶段建设成果', kind: 'longtext' },
		{
			key: 'needs',
			label: '对应需求',
			kind: 'reference',
			section: '6.5',
			block: 'needs',
			multiple: true
		}
	]
});
