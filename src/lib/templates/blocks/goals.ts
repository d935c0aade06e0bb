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
			key: 'needs',
			label: '对应需求',
			kind: 'reference',
			section: '6.5',
			block: 'needs',
			multiple: true
		}
	]
});
