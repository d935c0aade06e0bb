/**
 * Every Chinese string the conformance rules show: rule labels and failure messages. One file, so it
 * can move to message files later.
 */
import { formatPeriod } from '../plan-period.ts';
import type { PeriodProblem } from '../plan-period.ts';

/** How a row is named in a message: 目标 3“建成城市大脑…”. */
export function rowName(rowLabel: string, index: number, name: string): string {
	const trimmed = name.trim();
	const short = trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
	return short ? `${rowLabel} ${index + 1}“${short}”` : `${rowLabel} ${index + 1}`;
}

export const LABELS = {
	period: '规划期限符合一般的 3—5 年（第 4.3 条，“一般”）',
	item: (label: string) => `已撰写“${label}”`,
	indicators: '明确评价指标并给出现状值',
	otherPlans: '已分析其他相关规划',
	needs: '逐条列出建设需求',
	goalLevels: '目标层次清楚：有总体目标，细分目标和阶段目标挂在上级目标下',
	goalSpecific: '建设目标明确：写明目标内容和责任单位',
	goalMeasurable: '建设目标可衡量：有指标、目标值和单位',
	goalAchievable: '建设目标可达成：写明基线值',
	goalVision: '建设目标与智慧化愿景一致',
	goalOtherPlans: '建设目标与其他城市规划衔接',
	goalDeadline: '建设目标有明确时限，且在规划期内',
	needsToGoals: '每条建设需求都对应至少一个建设目标',
	dimension: (title: string) => `总体架构的“${title}”维度已设计`,
	businessTree: '业务架构结构完整',
	businessLevels: '业务架构分为三级',
	systems: '应用系统写明建设方式、目标、内容和主要功能',
	interfaces: '应用系统接口明确',
	keyProjects: '提出重点工程',
	projectGoal: '每个重点工程有明确、可量化的建设目标',
	projectContent: '每个重点工程写明建设内容、建设模式、建设周期、资金估算和负责单位',
	projectPeriod: '重点工程的建设周期在规划期内',
	needsToProjects: '每条建设需求都落到至少一个重点工程',
	projectsToGoals: '每个重点工程都对应建设目标',
	operatingModels: '每个重点工程选定一种运营模式并说明理由',
	phases: '划分实施阶段，写明起止时间和任务',
	stakeholders: '建设需求覆盖政府、企业、居民三类主体',
	indicatorSystem: '有目标值的指标写明属性、单位、基准年、测算方法和数据来源',
	planRegister: '登记国家和省级相关规划，并写明衔接方式',
	phaseGoals: '阶段目标写明主要任务和建设成果',
	indicatorsUsed: '定了目标值的评价指标都由建设目标承接',
	priorities: '每个重点工程标明轻重缓急（优先级）',
	phaseOrder: '实施阶段的先后符合重点工程的轻重缓急',
	fundingSources: '每个重点工程的资金筹措合计等于其资金估算',
	investmentTotals: '重点工程、资金筹措和实施阶段的投资合计一致',
	phaseBudgets: '实施阶段投资',
	projectLibrary: '项目库写明建设单位、周期、投资和资金来源'
} as const;

const PERIOD_PROBLEMS: Record<PeriodProblem, string> = {
	'not-integer': '规划期的起止年份应为整数年份。',
	'end-before-start': '规划期的结束年份早于开始年份。',
	'too-short':
		'规划期短于 3 年。标准 4.3：规划期限一般以 3—5 年为周期；请在规划中说明选用较短期限的理由（可豁免并写明理由）。',
	'too-long':
		'规划期长于 5 年。标准 4.3：规划期限一般以 3—5 年为周期；请说明理由（如与五年规划纲要同期），或把更远的年份作为展望年。'
};

export const MESSAGES = {
	period: (problem: PeriodProblem) => PERIOD_PROBLEMS[problem],
	itemEmpty: (label: string) => `“${label}”尚未撰写。`,
	layerMissing: (label: string) => `尚未设计“${label}”：请在架构分层中添加这一层并填写主要内容。`,
	layerEmpty: (label: string) => `“${label}”一层还没有填写主要内容。`,
	noRows: (blockLabel: string) => `尚未填写“${blockLabel}”。`,
	missingFields: (row: string, fields: readonly string[]) => `${row}未填写：${fields.join('、')}。`,
	bodyEmpty: (title: string) => `“${title}”的正文尚未撰写。`,
	noOverallGoal: '至少需要一个总体目标。',
	overallWithParent: (row: string) => `${row}是总体目标，不应有上级目标。`,
	badParent: (row: string, expected: string) => `${row}应挂在${expected}之下，请选择上级目标。`,
	laterThanParent: (row: string, year: number, parentYear: number) =>
		`${row}的完成年份 ${year} 晚于其上级目标的 ${parentYear}。`,
	notMeasurable: (row: string, fields: readonly string[]) =>
		`${row}不可衡量：缺少${fields.join('、')}。`,
	noBaseline: (row: string) => `${row}有目标值但没有基线值，无法判断能否达成。`,
	visionMissing: '“6.1.2.2 智慧化愿景”尚未撰写，无法对照建设目标。',
	noOverallStatement: '没有写明目标内容的总体目标，无法与智慧化愿景对照。',
	otherPlansMissing: '“6.4 其他相关规划分析”尚未撰写，无法对照其他规划的目标。',
	noAlignedPlans: (row: string) => `${row}没有写明所衔接的相关规划。`,
	noDeadline: (row: string) => `${row}没有填写完成年份。`,
	outsidePeriod: (row: string, year: number, start: number, end: number) =>
		`${row}的年份 ${year} 不在规划期 ${formatPeriod(start, end)} 内。`,
	needWithoutGoal: (need: string) => `${need}还没有对应的建设目标：请在目标的“对应需求”中关联它。`,
	needWithoutProject: (need: string) => `${need}还没有落到重点工程：请在工程的“对应需求”中关联它。`,
	noDesign: (title: string) =>
		`“${title}”尚无内容：请撰写正文或填写本节的条目（只有预置名称的行不算）。`,
	unnamed: (row: string) => `${row}没有名称。`,
	danglingParent: (row: string) => `${row}的上级业务已不存在。`,
	cycle: (row: string) => `${row}的上下级关系形成了循环。`,
	noLevel1: '业务架构没有一级业务。',
	noChildren: (row: string, level: string, childLevel: string) =>
		`${level}业务：${row}下没有${childLevel}业务。`,
	interfacesMissing: '有多个应用系统，但没有明确任何系统之间的接口。',
	badInterface: (row: string) => `${row}的接口指向了不存在的系统或它自己。`,
	interfaceNotes: (row: string) => `${row}有接口但没有说明节点和数据交互关系。`,
	notQuantified: (row: string) => `${row}的建设目标没有量化的数值（请用阿拉伯数字写明目标值）。`,
	startAfterEnd: (row: string) => `${row}的开始时间晚于结束时间。`,
	negativeBudget: (row: string) => `${row}的资金估算不能为负数。`,
	projectWithoutGoal: (row: string) => `${row}没有关联建设目标。`,
	noOperatingModel: (row: string) => `${row}还没有选定运营模式。`,
	duplicateModel: (row: string) => `${row}选了不止一种运营模式。`,
	noRationale: (row: string) => `${row}的运营模式没有说明选择理由。`,
	stakeholdersMissing: (missing: readonly string[]) =>
		`建设需求中没有来自${missing.join('、')}的需求（4.1.4：应考虑政府、企业、居民等多元主体的实际需求）。`,
	baseYearLate: (row: string, year: number, start: number) =>
		`${row}的基准年 ${year} 晚于规划期起始年 ${start}。`,
	planLevelMissing: (level: string) => `相关规划登记中没有${level}规划。`,
	noPhaseGoal: '没有阶段目标（7.3.2：阶段目标宜明确各个阶段的主要任务、建设内容、建设成果）。',
	indicatorUnused: (row: string) =>
		`${row}定了目标值，但没有建设目标引用它：请在目标的“对应评价指标”中选择它。`,
	danglingIndicator: (row: string) => `${row}引用的评价指标已不存在。`,
	phaseOrder: (higher: string, lower: string) =>
		`${higher}优先级更高，却排在${lower}之后的阶段启动。`,
	fundingDangling: (n: number) => `资金安排 ${n} 指向的重点工程已不存在。`,
	fundingEmpty: (n: number) => `资金安排 ${n} 没有填写任何资金数额。`,
	fundingOutsideProject: (n: number, year: number, project: string) =>
		`资金安排 ${n} 的年度 ${year} 不在${project}的建设周期内。`,
	fundingMismatch: (project: string, funded: string, budget: string) =>
		`${project}的资金筹措合计 ${funded} 万元，与资金估算 ${budget} 万元不一致。`,
	totalsDiffer: (what: string, total: string, projects: string) =>
		`${what}合计 ${total} 万元，与重点工程资金估算合计 ${projects} 万元不一致。`,
	libraryOverBudget: (project: string, filed: string, budget: string) =>
		`项目库中归入${project}的项目总投资 ${filed} 万元，超过该工程的资金估算 ${budget} 万元。`
} as const;
