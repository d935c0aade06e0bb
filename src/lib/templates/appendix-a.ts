/**
 * Appendix A (normative), Table A.1: each activity's inputs and outputs, and where in the plan each one
 * lives. Inputs say which sections produce them (none: material from outside the plan, such as the
 * city's master plan); outputs say which section, item or block fills them. Texts are Table A.1's, as
 * printed (including its 智能城市 and 其它); outline.json is their source and the tests compare.
 */
import { ACTIVITIES, type Activity } from '../standard/sections.ts';
import { NOTES } from './messages.ts';
import type { AppendixAEntry, SectionTarget } from './types.ts';

export interface AppendixAInput {
	text: string;
	producedBy: readonly SectionTarget[];
}

export interface AppendixAOutput {
	text: string;
	filledIn: SectionTarget;
}

export interface AppendixARow {
	/** The clause of the standard's body the row belongs to (7.1 is not a section). */
	clause: string;
	activity: Activity;
	/** The row's activity as Table A.1 names it. */
	name: string;
	inputs: readonly AppendixAInput[];
	outputs: readonly AppendixAOutput[];
	/** Table A.1 ends most cells with …: the lists are open. */
	inputsOpen: boolean;
	outputsOpen: boolean;
	/** How sure the reading of the flattened table is (outline.json's reconstruction_confidence). */
	confidence: 'high' | 'medium';
}

const external: readonly SectionTarget[] = [];
const at = (section: string): SectionTarget => ({ section });
const item = (section: string, id: string): SectionTarget => ({ section, item: id });
const goals: SectionTarget = { section: '7.3', block: 'goals' };

export const APPENDIX_A_ROWS: readonly AppendixARow[] = [
	{
		clause: '6.1',
		activity: 'requirements',
		name: '城市发展战略与目标分析',
		inputs: [
			{ text: '城市总体规划', producedBy: external },
			{ text: '国家发展战略', producedBy: external },
			{ text: '区域发展环境分析', producedBy: external },
			{ text: '技术发展趋势分析', producedBy: external },
			{ text: '宏观环境分析', producedBy: external }
		],
		outputs: [
			{ text: '城市战略定位', filledIn: item('6.1', '6.1.2.1') },
			{ text: '城市发展目标', filledIn: item('6.1', '6.1.2.1') },
			{ text: '发展形势', filledIn: item('6.1', '6.1.2.3') },
			{ text: '面临挑战', filledIn: item('6.1', '6.1.2.4') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '6.2',
		activity: 'requirements',
		name: '城市现状调研分析',
		inputs: [
			{ text: '资源环境情况', producedBy: external },
			{ text: '经济发展情况', producedBy: external },
			{ text: '社会治理情况', producedBy: external },
			{ text: '信息化建设情况', producedBy: external }
		],
		outputs: [
			{ text: '城市发展概况', filledIn: at('6.2') },
			{ text: '城市发展特点与特色', filledIn: at('6.2') },
			{ text: '城市发展存在问题', filledIn: at('6.2') },
			{ text: '城市发展需求', filledIn: at('6.2') },
			{ text: '城市信息化建设情况', filledIn: item('6.2', '6.2.4') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '6.3',
		activity: 'requirements',
		name: '智慧城市现状评估',
		inputs: [
			{ text: 'GB/T-33356《新型智慧城市评价指标》', producedBy: external },
			{ text: '城市指标相关数据', producedBy: external }
		],
		outputs: [
			{ text: '智慧城市建设现状评估结果', filledIn: { section: '6.3', block: 'indicators' } },
			{ text: '智慧城市建设基础', filledIn: at('6.3') },
			{ text: '智慧城市建设优劣势', filledIn: at('6.3') },
			{ text: '智慧城市建设重点提升方向', filledIn: at('6.3') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '6.4',
		activity: 'requirements',
		name: '其它相关规划分析',
		inputs: [
			{ text: '城市空间规划', producedBy: external },
			{ text: '城市生态环境规划', producedBy: external },
			{ text: '城市市政基础设施建设规划', producedBy: external },
			{ text: '城市公共服务规划', producedBy: external }
		],
		outputs: [
			{ text: '顶层设计与城市空间规划的关系', filledIn: at('6.4') },
			{ text: '顶层设计与城市生态环境规划的关系', filledIn: at('6.4') },
			{ text: '顶层设计与城市市政基础设施建设规划的关系', filledIn: at('6.4') },
			{ text: '顶层设计与城市公共服务规划的关系', filledIn: at('6.4') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '6.5',
		activity: 'requirements',
		name: '智慧城市建设需求',
		inputs: [
			{ text: '“城市发展战略与目标分析”活动的输出', producedBy: [at('6.1')] },
			{ text: '“城市现状调研”活动的输出', producedBy: [at('6.2')] },
			{ text: '“智慧城市现状评估”活动的输出', producedBy: [at('6.3')] },
			{ text: '“其它相关规划分析”活动的输出', producedBy: [at('6.4')] }
		],
		outputs: [
			{ text: '智慧城市建设目标', filledIn: item('6.5', '6.5.2.a') },
			{ text: '智慧城市用户现状与需求', filledIn: item('6.5', '6.5.2.b') },
			{ text: '智慧城市业务现状与需求', filledIn: item('6.5', '6.5.2.c') },
			{ text: '智慧城市应用系统功能现状与需求', filledIn: item('6.5', '6.5.2.d') },
			{ text: '智慧城市信息/数据资源现状与需求', filledIn: item('6.5', '6.5.2.e') },
			{ text: '智慧城市信息/数据共享现状与需求', filledIn: item('6.5', '6.5.2.f') },
			{ text: '智慧城市业务协同现状与需求', filledIn: item('6.5', '6.5.2.f') },
			{
				text: '智慧城市基础设施建设现状与需求（含性能、接口、安全等）',
				filledIn: item('6.5', '6.5.2.g')
			},
			{ text: '智慧城市网络信息安全现状与需求', filledIn: item('6.5', '6.5.2.i') },
			{ text: '智慧城市法规制度及标准化现状与需求', filledIn: item('6.5', '6.5.A1.regulation') }
		],
		inputsOpen: false,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '7.1',
		activity: 'overall',
		name: '一般要求',
		inputs: [{ text: '智能城市总体设计一般要求', producedBy: external }],
		// 7.1 is not a section; the overview opens 7.2 (NOTES.output71).
		outputs: [{ text: '智能城市总体设计概述', filledIn: at('7.2') }],
		inputsOpen: false,
		outputsOpen: false,
		confidence: 'medium'
	},
	{
		clause: '7.2',
		activity: 'overall',
		name: '指导思想与基本原则',
		inputs: [
			{ text: '城市总体规划', producedBy: external },
			{ text: '国家发展战略', producedBy: external },
			{ text: '城市现状调研（城市发展需求）', producedBy: [at('6.2')] },
			{ text: '智慧城市建设需求', producedBy: [at('6.5')] }
		],
		outputs: [
			{ text: '智慧城市建设指导思想', filledIn: item('7.2', '7.2.1') },
			{ text: '智慧城市建设基本原则', filledIn: item('7.2', '7.2.2') }
		],
		inputsOpen: true,
		outputsOpen: false,
		confidence: 'medium'
	},
	{
		clause: '7.3',
		activity: 'overall',
		name: '建设目标',
		inputs: [
			{ text: '城市战略定位', producedBy: [item('6.1', '6.1.2.1')] },
			{ text: '城市发展目标', producedBy: [item('6.1', '6.1.2.1')] },
			{ text: '智慧城市建设需求', producedBy: [at('6.5')] }
		],
		outputs: [
			{ text: '智慧城市建设总体目标', filledIn: goals },
			{ text: '智慧城市建设细分目标', filledIn: goals },
			{ text: '智慧城市建设阶段性目标', filledIn: goals },
			{ text: '智慧城市建设阶段重点', filledIn: goals }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'medium'
	},
	{
		clause: '7.4',
		activity: 'overall',
		name: '总体架构',
		inputs: [{ text: '智慧城市建设需求', producedBy: [at('6.5')] }],
		outputs: [{ text: '总体架构', filledIn: { section: '7.4', block: 'architectureLayers' } }],
		inputsOpen: false,
		outputsOpen: false,
		confidence: 'high'
	},
	{
		clause: '8.1',
		activity: 'architecture',
		name: '业务架构',
		inputs: [{ text: '智慧城市建设需求（业务现状与需求）', producedBy: [item('6.5', '6.5.2.c')] }],
		outputs: [
			{ text: '城市业务架构', filledIn: { section: '8.1', block: 'businessTree' } },
			{ text: '城市业务架构内的映射关系', filledIn: at('8.1') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '8.2',
		activity: 'architecture',
		name: '数据架构',
		inputs: [
			{ text: '智慧城市建设需求（数据资源现状与需求）', producedBy: [item('6.5', '6.5.2.e')] },
			{ text: '智慧城市建设需求（数据共享现状与需求）', producedBy: [item('6.5', '6.5.2.f')] }
		],
		outputs: [
			{ text: '数据资源框架', filledIn: item('8.2', '8.2.3.a') },
			{ text: '数据服务', filledIn: item('8.2', '8.2.3.b') },
			{ text: '数据标准', filledIn: item('8.2', '8.2.A1.data-standards') },
			{ text: '数据治理', filledIn: item('8.2', '8.2.3.c') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '8.3',
		activity: 'architecture',
		name: '应用架构',
		inputs: [
			{ text: '智慧城市建设需求（系统功能现状与需求）', producedBy: [item('6.5', '6.5.2.d')] },
			{ text: '业务架构', producedBy: [at('8.1')] },
			{ text: '数据架构', producedBy: [at('8.2')] }
		],
		outputs: [
			{ text: '系统总体架构', filledIn: at('8.3') },
			{ text: '公共支撑系统', filledIn: { section: '8.3', block: 'systems' } },
			{ text: '重点建设系统', filledIn: { section: '8.3', block: 'systems' } },
			{ text: '系统建设要求', filledIn: at('8.3') },
			{ text: '系统接口关系', filledIn: { section: '8.3', block: 'systems' } }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '8.4',
		activity: 'architecture',
		name: '基础设施架构',
		inputs: [
			{
				text: '智慧城市建设需求（基础设施性能、接口等方面的需求）',
				producedBy: [item('6.5', '6.5.2.g'), item('6.5', '6.5.2.h'), item('6.5', '6.5.2.j')]
			},
			{ text: '智慧城市现状评估（基础设施现状评估）', producedBy: [at('6.3')] },
			{ text: '应用架构', producedBy: [at('8.3')] }
		],
		outputs: [
			{ text: '物联感知基础设施设计', filledIn: item('8.4', '8.4.2.a') },
			{ text: '网络通信基础设施设计', filledIn: item('8.4', '8.4.2.b') },
			{ text: '计算存储基础设施设计', filledIn: item('8.4', '8.4.2.c') },
			{ text: '数据与服务平台基础设施设计', filledIn: item('8.4', '8.4.2.d') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '8.5',
		activity: 'architecture',
		name: '安全体系',
		inputs: [
			{ text: '智慧城市现状评估（网络信息安全评估）', producedBy: [at('6.3')] },
			{
				text: '智慧城市建设需求（网络信息安全建设现状与需求）',
				producedBy: [item('6.5', '6.5.2.i')]
			},
			{ text: '基础设施架构', producedBy: [at('8.4')] }
		],
		outputs: [
			{ text: '安全体系框架', filledIn: at('8.5') },
			{ text: '安全部署架构', filledIn: item('8.5', '8.5.2') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '8.6',
		activity: 'architecture',
		name: '标准体系',
		inputs: [
			{
				text: '智慧城市建设需求（法规制度及标准化需求）',
				producedBy: [item('6.5', '6.5.A1.regulation')]
			},
			{ text: '业务架构', producedBy: [at('8.1')] },
			{ text: '数据架构', producedBy: [at('8.2')] },
			{ text: '应用架构', producedBy: [at('8.3')] },
			{ text: '基础设施架构', producedBy: [at('8.4')] }
		],
		outputs: [
			{ text: '标准体系框架', filledIn: at('8.6') },
			{ text: '建议制修订标准清单', filledIn: at('8.6') },
			{ text: '标准化研制路线', filledIn: at('8.6') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '9.1',
		activity: 'roadmap',
		name: '主要任务',
		inputs: [
			{ text: '城市现状调研分析（信息化建设重点）', producedBy: [item('6.2', '6.2.4')] },
			{ text: '智慧城市建设需求', producedBy: [at('6.5')] }
		],
		outputs: [
			{ text: '智慧城市建设项目', filledIn: at('9.1') },
			{
				text: '重点工程（含目标、内容、时间、主要牵头单位等）',
				filledIn: { section: '9.1', block: 'keyProjects' }
			}
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '9.2',
		activity: 'roadmap',
		name: '运营模式',
		inputs: [
			{ text: '城市现状调研分析（城市资金投入情况）', producedBy: [at('6.2')] },
			{ text: '成熟商业模式及投融资模式分析', producedBy: external }
		],
		outputs: [
			{ text: '总体投资估算及建设运营模式建议', filledIn: at('9.2') },
			{
				text: '重点工程投资估算及建设运营模式建议',
				filledIn: { section: '9.2', block: 'operatingModel' }
			}
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '9.3',
		activity: 'roadmap',
		name: '实施阶段',
		inputs: [
			// The gap between the assessed present (6.3) and the goals (7.3).
			{ text: '智慧城市建设现状与目标差距分析', producedBy: [at('6.3'), goals] },
			{
				text: '智慧城市建设工程项目优先级分析',
				producedBy: [{ section: '9.1', block: 'keyProjects' }]
			}
		],
		outputs: [
			{ text: '智慧城市建设过渡路径', filledIn: at('9.3') },
			{
				text: '智慧城市建设实施阶段划分及各阶段目标、任务等',
				filledIn: { section: '9.3', block: 'phases' }
			}
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'high'
	},
	{
		clause: '9.4',
		activity: 'roadmap',
		name: '保障措施',
		inputs: [{ text: '智慧城市建设需求分析', producedBy: [at('6.5')] }],
		outputs: [
			{ text: '组织保障措施', filledIn: item('9.4', '9.4.a') },
			{ text: '考核保障措施', filledIn: item('9.4', '9.4.A1.assessment') },
			{ text: '政策保障措施', filledIn: item('9.4', '9.4.b') },
			{ text: '技术保障措施', filledIn: item('9.4', '9.4.A1.technology') },
			{ text: '运维保障措施', filledIn: item('9.4', '9.4.A1.operations') },
			{ text: '人才保障措施', filledIn: item('9.4', '9.4.c') },
			{ text: '宣传推广措施', filledIn: item('9.4', '9.4.A1.promotion') }
		],
		inputsOpen: true,
		outputsOpen: true,
		confidence: 'medium'
	}
];

/** Sections the standard requires but Table A.1 has no row for. */
export const APPENDIX_A_GAPS: readonly { clause: string; note: string }[] = [
	{ clause: '8.7', note: NOTES.noTableRow87 }
];

/** Table A.1 for one activity, in the table's order. */
export function appendixAOf(activity: Activity): readonly AppendixARow[] {
	return APPENDIX_A_ROWS.filter((row) => row.activity === activity);
}

/** Table A.1 grouped by activity, for an overview page. */
export function appendixAByActivity(): { activity: Activity; rows: readonly AppendixARow[] }[] {
	return ACTIVITIES.map((activity) => ({ activity, rows: appendixAOf(activity) }));
}

/**
 * What a section serves: the inputs of its own row, and every output of any row that it fills (7.2
 * also fills 7.1's 总体设计概述).
 */
export function appendixAForSection(clause: string): {
	inputs: AppendixAEntry[];
	outputs: AppendixAEntry[];
} {
	const inputs = APPENDIX_A_ROWS.filter((row) => row.clause === clause).flatMap((row) =>
		row.inputs.map((input) => ({ text: input.text, row: row.clause, targets: input.producedBy }))
	);
	const outputs = APPENDIX_A_ROWS.flatMap((row) =>
		row.outputs
			.filter((output) => output.filledIn.section === clause)
			.map((output) => ({ text: output.text, row: row.clause, targets: [output.filledIn] }))
	);
	return { inputs, outputs };
}
