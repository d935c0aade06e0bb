import { defineBlock } from './fields.ts';

/** 9.3's implementation phases (drawn as a Gantt chart); 7.3.2's per-phase tasks and results. */
export const phasesBlock = defineBlock({
	key: 'phases',
	label: '实施阶段',
	rowLabel: '阶段',
	fields: [
		{ key: 'name', label: '阶段名称', kind: 'text' },
		{ key: 'start', label: '开始日期', kind: 'date' },
		{ key: 'end', label: '结束日期', kind: 'date' },
		{
			key: 'goals',
			label: '阶段目标',
			kind: 'reference',
			section: '7.3',
			block: 'goals',
			multiple: true
		},
		{ key: 'tasks', label: '主要任务', kind: 'longtext' },
		{ key: 'outcomes', label: '建设成果', kind: 'longtext' },
		{
			key: 'budget',
			label: '阶段投资',
			kind: 'number',
			unit: '万元',
			hint: '本阶段各年度投资之和，应与资金筹措表一致'
		},
		{
			key: 'projects',
			label: '重点工程',
			kind: 'reference',
			section: '9.1',
			block: 'keyProjects',
			multiple: true
		}
	]
});
