/**
 * Chapter 9 实施路径规划 of the demo plan. Deliberate gaps (gaps.ts): the 基层智治 project's goal is
 * not quantified, no project answers the need for local standards, and 9.4 d）资金保障 is unwritten.
 */
import { GOAL, NEED, PROJECT, sequentialIds } from './ids.ts';
import type { DemoRow, DemoSection } from './types.ts';

const keyProjects: DemoRow<'keyProjects'>[] = [
	{
		id: PROJECT.cityBrain,
		name: '城市大脑建设工程',
		goal: '2028年底前建成城市大脑，接入城市运行体征指标300项以上，跨部门事件按期处置率达到98%。',
		content:
			'建设城市运行管理中心（约2,000平方米）、城市大脑运行管理平台、AI能力中心和领导驾驶舱，整合12345热线、数字城管、应急指挥等系统。',
		mode: '政府投资，公开招标确定总集成单位',
		startYear: 2026,
		endYear: 2028,
		budget: 18500,
		leadUnit: '示例市大数据局',
		domain: 'platform',
		priority: 'high',
		needs: [NEED.oneNetManage],
		goals: [GOAL.operations, GOAL.phaseBrain]
	},
	{
		id: PROJECT.oneNetService,
		name: '政务服务“一网通办”提升工程',
		goal: '2027年底前推出“一件事一次办”主题60个，2028年政务服务事项全程网办率达到95%。',
		content:
			'改建一体化政务服务平台，建设“一件事一次办”专区、智能客服和“好差评”系统，平台扩容以支撑峰值10万并发。',
		mode: '政府投资，平台改建',
		startYear: 2026,
		endYear: 2027,
		budget: 6800,
		leadUnit: '示例市行政审批服务局',
		domain: 'governance',
		priority: 'high',
		needs: [NEED.oneNetService, NEED.performance, NEED.interfaces],
		goals: [GOAL.service, GOAL.phaseService]
	},
	{
		id: PROJECT.dataPlatform,
		name: '公共数据资源体系建设工程',
		goal: '建成五大基础库，2028年政务数据共享需求满足率达到95%，年数据调用量超过1亿次。',
		content: '升级数据共享交换平台，建设五大基础库和6个主题库，建立数据治理和质量评价体系。',
		mode: '政府投资，分期建设',
		startYear: 2026,
		endYear: 2028,
		budget: 9600,
		leadUnit: '示例市大数据局',
		domain: 'platform',
		priority: 'high',
		needs: [NEED.dataSharing, NEED.baseDatabases],
		goals: [GOAL.data]
	},
	{
		id: PROJECT.cloud,
		name: '政务云与数字基础设施提升工程',
		goal: '2027年底前部门非涉密系统上云率达到100%，政务外网村级覆盖率达到100%，2028年底前216处地质灾害隐患点全部实现自动化监测，2030年每万人5G基站达到35个。',
		content:
			'政务云扩容至8,000核、6PB并建设同城灾备中心；政务外网延伸至全部行政村；建设城市物联感知接入平台，接入地质灾害隐患点和主城区41处易涝点监测设备。',
		mode: '政府投资建设政务云、政务外网和物联感知平台；5G公众网络由基础电信企业投资建设，计入社会资本',
		startYear: 2026,
		endYear: 2030,
		budget: 12000,
		leadUnit: '示例市大数据局',
		domain: 'platform',
		priority: 'high',
		needs: [NEED.govCloud, NEED.network, NEED.hazards],
		goals: [GOAL.cloud, GOAL.network, GOAL.hazards, GOAL.phaseCloud]
	},
	{
		id: PROJECT.traffic,
		name: '智慧交通工程',
		goal: '2029年底前主城区300个路口实现信号自适应控制，高峰时段平均车速提高到25千米/小时。',
		content: '建设交通信号控制中心，改造路口信号机和检测器，建设公交来车实时预报和停车诱导系统。',
		mode: '信号控制政府投资建设、企业运维；智慧停车以使用者付费的特许经营方式实施',
		startYear: 2027,
		endYear: 2029,
		budget: 15800,
		leadUnit: '示例市公安局交通警察支队',
		domain: 'governance',
		priority: 'high',
		needs: [NEED.traffic],
		goals: [GOAL.traffic]
	},
	{
		id: PROJECT.health,
		name: '智慧医疗工程',
		goal: '2028年底前二级以上医疗机构检查检验结果互认率达到90%，预约诊疗率达到80%。',
		content: '升级区域全民健康信息平台，建设检查检验结果互认、互联网医院和电子健康档案开放调阅。',
		mode: '政府投资，卫健部门自建自营',
		startYear: 2026,
		endYear: 2028,
		budget: 8500,
		leadUnit: '示例市卫生健康委员会',
		domain: 'industry',
		priority: 'high',
		needs: [NEED.health],
		goals: [GOAL.health]
	},
	{
		// Deliberate gap (gaps.ts): a goal without a number, so 9.1.4 a) fails.
		id: PROJECT.grassroots,
		name: '基层智治工程',
		goal: '全面提升基层治理智能化水平，减轻基层负担，实现基层治理“一张网”。',
		content: '建设基层社会治理网格化管理系统和网格员移动端，推行基层报表“多表合一”。',
		mode: '政府投资',
		startYear: 2027,
		endYear: 2029,
		budget: 4200,
		leadUnit: '中共示例市委政法委员会',
		domain: 'governance',
		priority: 'medium',
		needs: [NEED.grassroots],
		goals: [GOAL.operations]
	},
	{
		id: PROJECT.video,
		name: '公共安全视频联网共享工程',
		goal: '2028年底前公共安全视频监控联网共享率达到100%，新增智能解析点位5,000路。',
		content:
			'扩容公共安全视频图像共享平台，整合城管、交通、应急等部门视频资源，建设视频智能解析能力。',
		mode: '政府投资，企业运营维护',
		startYear: 2026,
		endYear: 2028,
		budget: 11000,
		leadUnit: '示例市公安局',
		domain: 'governance',
		priority: 'high',
		needs: [NEED.video],
		goals: [GOAL.video]
	},
	{
		id: PROJECT.security,
		name: '网络和数据安全保障工程',
		goal: '2027年底前重要信息系统等级保护测评达标率达到100%，建成市级网络安全态势感知平台。',
		content: '建设网络安全态势感知平台、数据安全管控平台，开展等级保护测评和年度攻防演练。',
		mode: '政府投资',
		startYear: 2026,
		endYear: 2030,
		budget: 5600,
		leadUnit: '中共示例市委网络安全和信息化委员会办公室',
		domain: 'platform',
		priority: 'high',
		needs: [NEED.security],
		goals: [GOAL.security]
	},
	{
		id: PROJECT.economy,
		name: '数字经济培育工程',
		goal: '到2030年推动1,500家规模以上工业企业完成数字化改造，培育数字经济重点企业50家。',
		content: '设立数字经济产业引导基金，建设数字经济产业园和行业级工业互联网平台。',
		mode: '政府引导基金与社会资本合伙投资',
		startYear: 2027,
		endYear: 2030,
		budget: 20000,
		leadUnit: '示例市发展和改革委员会',
		domain: 'industry',
		priority: 'medium',
		needs: [NEED.digitalEconomy],
		goals: [GOAL.economy]
	}
];

type Amounts = Partial<Record<'fiscal' | 'bond' | 'social' | 'other', number>>;

/**
 * Each key project's money by kind, years and source; the funding table spreads it evenly over the
 * years (the last year takes what rounding leaves). Per project the amounts add up to its 资金估算.
 * 社会资本 is enterprises' own money (5G by the operators, smart parking by the concessionaire).
 */
const FUNDING_PLAN: readonly [
	project: string,
	kind: 'construction' | 'operation',
	from: number,
	to: number,
	amounts: Amounts
][] = [
	[PROJECT.cityBrain, 'construction', 2026, 2028, { fiscal: 17000 }],
	[PROJECT.cityBrain, 'operation', 2029, 2030, { fiscal: 1500 }],
	[PROJECT.oneNetService, 'construction', 2026, 2027, { fiscal: 6800 }],
	[PROJECT.dataPlatform, 'construction', 2026, 2028, { fiscal: 9600 }],
	[PROJECT.cloud, 'construction', 2026, 2030, { fiscal: 4000, social: 8000 }],
	[PROJECT.traffic, 'construction', 2027, 2029, { fiscal: 11800, social: 4000 }],
	[PROJECT.health, 'construction', 2026, 2028, { fiscal: 8500 }],
	[PROJECT.grassroots, 'construction', 2027, 2029, { fiscal: 4200 }],
	[PROJECT.video, 'construction', 2026, 2028, { fiscal: 11000 }],
	[PROJECT.security, 'construction', 2026, 2030, { fiscal: 5600 }],
	[PROJECT.economy, 'construction', 2027, 2030, { fiscal: 20000 }]
];

function fundingRows(): DemoRow<'funding'>[] {
	const ids = sequentialIds('demo-funding');
	return FUNDING_PLAN.flatMap(([project, kind, from, to, amounts]) => {
		const years = to - from + 1;
		return Array.from({ length: years }, (_, i) => {
			const share = (total = 0) => {
				const each = Math.floor(total / years);
				return i === years - 1 ? total - each * (years - 1) : each;
			};
			return {
				id: ids(),
				project,
				year: from + i,
				kind,
				fiscal: share(amounts.fiscal),
				bond: share(amounts.bond),
				social: share(amounts.social),
				other: share(amounts.other)
			};
		});
	});
}

const funding = fundingRows();

/** A phase's investment: the funding table's rows in its years. */
function phaseBudget(from: number, to: number): number {
	return funding
		.filter((r) => r.year !== undefined && r.year !== null && r.year >= from && r.year <= to)
		.reduce(
			(sum, r) => sum + (r.fiscal ?? 0) + (r.bond ?? 0) + (r.social ?? 0) + (r.other ?? 0),
			0
		);
}

/**
 * 财政承受能力: the city's 一般公共预算支出 (2026—2028 from the budget report and the medium-term
 * fiscal plan, later years projected at 2.3% a year) and the obligations of the PPP projects signed
 * before 2023 (sewage treatment, the ring road). The plan starts no PPP project of its own: under the
 * 2023 new mechanism (国办函〔2023〕115号) new concessions carry no government payments.
 */
const fiscalCapacity: DemoRow<'fiscalCapacity'>[] = [
	[2026, 3720000, 168000, '示例市2026年预算报告；财政局PPP项目支出责任台账'],
	[2027, 3810000, 171000, '示例市中期财政规划（2026—2028年）；PPP项目支出责任台账'],
	[2028, 3900000, 173500, '示例市中期财政规划（2026—2028年）；PPP项目支出责任台账'],
	[2029, 3990000, 162000, '按年均增长2.3%测算；PPP项目支出责任台账'],
	[2030, 4080000, 158000, '按年均增长2.3%测算；PPP项目支出责任台账']
].map(([year, budget, pppObligations, source], i) => ({
	id: `demo-fiscal-0${i + 1}`,
	year: year as number,
	budget: budget as number,
	pppObligations: pppObligations as number,
	source: source as string
}));

const projectLibrary: DemoRow<'projectLibrary'>[] = [
	{
		id: 'demo-library-01',
		name: '城市运行管理中心场所改造',
		unit: '示例市大数据局',
		startYear: 2026,
		endYear: 2026,
		investment: 2600,
		source: '财政资金',
		prerequisites: '场地确定，可行性研究报告批复。',
		keyProject: PROJECT.cityBrain
	},
	{
		id: 'demo-library-02',
		name: '城市大脑运行管理平台（一期）',
		unit: '示例市大数据局',
		startYear: 2026,
		endYear: 2027,
		investment: 8200,
		source: '财政资金',
		prerequisites: '数据共享交换平台完成升级，首批体征指标清单确定。',
		keyProject: PROJECT.cityBrain
	},
	{
		id: 'demo-library-03',
		name: '政务云同城灾备中心',
		unit: '示例市大数据局',
		startYear: 2027,
		endYear: 2028,
		investment: 2400,
		source: '财政资金',
		prerequisites: '机房选址完成，等级保护方案通过评审。',
		keyProject: PROJECT.cloud
	},
	{
		id: 'demo-library-04',
		name: '地质灾害隐患点和易涝点自动化监测',
		unit: '示例市自然资源和规划局',
		startYear: 2026,
		endYear: 2028,
		investment: 1100,
		source: '财政资金',
		prerequisites: '城市物联感知接入平台上线。',
		keyProject: PROJECT.cloud
	},
	{
		id: 'demo-library-05',
		name: '交通信号自适应控制改造（300个路口）',
		unit: '示例市公安局交通警察支队',
		startYear: 2027,
		endYear: 2029,
		investment: 9800,
		source: '财政资金',
		prerequisites: '交通信号控制中心建成。',
		keyProject: PROJECT.traffic
	},
	{
		id: 'demo-library-06',
		name: '主城区智慧停车',
		unit: '特许经营者（公开招标确定）',
		startYear: 2027,
		endYear: 2029,
		investment: 4000,
		source: '社会资本（使用者付费）',
		prerequisites: '特许经营实施方案获批，停车收费标准核定。',
		keyProject: PROJECT.traffic
	}
];

const section91: DemoSection = {
	clause: '9.1',
	author: 'dsj',
	body: [
		'围绕建设目标，规划期内实施10项重点工程，估算总投资11.2亿元，其中财政资金10.0亿元、社会资本1.2亿元（基础电信企业投资建设5G网络0.8亿元、智慧停车特许经营者投资0.4亿元）；社会资本不计入政府投资。按类型分，平台建设类4项、城市治理类4项、行业发展类2项。',
		'## 主要任务',
		'1. 夯实数字底座：建设政务云、数据共享交换平台和城市大脑。',
		'2. 提升服务效能：推进政务服务“一网通办”和智慧医疗。',
		'3. 强化城市治理：推进“一网统管”、智慧交通、基层智治和公共安全视频共享。',
		'4. 培育数字经济：推动产业数字化和数字产业化。'
	],
	blocks: { keyProjects, funding, fiscalCapacity, projectLibrary }
};

const operatingModel: DemoRow<'operatingModel'>[] = [
	{
		id: 'demo-operating-01',
		project: PROJECT.cityBrain,
		model: 'government-enterprise',
		rationale: '城市大脑需要持续迭代和专业运营，政府投资建设可保证公共属性，企业运营可保证专业性。',
		responsibilities: '市大数据局负责建设和监管；示例市城市运营科技有限公司负责平台运营和运维。',
		financing: '市级财政资金，运营费用纳入年度预算，按服务水平协议考核付费。'
	},
	{
		id: 'demo-operating-02',
		project: PROJECT.oneNetService,
		model: 'government-government',
		rationale: '政务服务是政府法定职责，由政府部门直接建设和运营。',
		responsibilities: '市行政审批服务局负责建设和运营，市大数据局提供技术支撑。',
		financing: '市级财政资金。'
	},
	{
		id: 'demo-operating-03',
		project: PROJECT.dataPlatform,
		model: 'government-enterprise',
		rationale: '数据平台技术复杂、治理工作量大，适合委托专业企业运营。',
		responsibilities: '市大数据局负责数据资源管理和监管；城市运营公司负责平台运维和数据治理服务。',
		financing: '市级财政资金，申请省数字政府专项资金。'
	},
	{
		id: 'demo-operating-04',
		project: PROJECT.cloud,
		model: 'government-enterprise',
		rationale:
			'5G公众网络由基础电信企业投资建设和运营；政务云、政务外网和物联感知平台由政府投资，委托基础电信企业运营。',
		responsibilities:
			'基础电信企业负责5G网络投资建设和运营；市大数据局负责政务云等政府投资部分的建设、统筹和服务质量考核。',
		financing:
			'政府投资部分0.4亿元由市级财政资金安排；5G网络0.8亿元由基础电信企业自筹，计入社会资本，不计入政府投资。'
	},
	{
		id: 'demo-operating-05',
		project: PROJECT.traffic,
		model: 'government-enterprise',
		rationale:
			'信号控制属于公益性设施，由政府投资建设、委托企业运维；智慧停车有稳定的使用者付费收入，按政府和社会资本合作新机制（国办函〔2023〕115号）以特许经营方式单独实施，政府不安排可行性缺口补助，不承担未来支出责任。',
		responsibilities:
			'市公安局交警支队负责信号控制建设和监管；特许经营者负责智慧停车投资、建设和运营，市城市管理局负责特许经营监管。',
		financing:
			'信号控制1.18亿元由市级财政资金安排；智慧停车0.4亿元由特许经营者投资，以停车收费回收。'
	},
	{
		id: 'demo-operating-06',
		project: PROJECT.health,
		model: 'government-government',
		rationale: '健康医疗数据敏感，由卫生健康部门自建自营。',
		responsibilities: '市卫生健康委员会负责建设和运营，各医疗机构负责接入。',
		financing: '市级财政资金和医疗卫生专项资金。'
	},
	{
		id: 'demo-operating-07',
		project: PROJECT.grassroots,
		model: 'government-government',
		rationale: '基层治理属于政府公共管理职能。',
		responsibilities: '市委政法委负责建设，各县（市、区）负责推广应用。',
		financing: '市、县两级财政按6:4分担。'
	},
	{
		id: 'demo-operating-08',
		project: PROJECT.video,
		model: 'government-enterprise',
		rationale: '视频点位运维量大，委托专业企业运维可提高在线率。',
		responsibilities: '市公安局负责建设和管理；运维企业负责设备维护，在线率不低于98%。',
		financing: '市级财政资金，运维费按年度考核支付。'
	},
	{
		id: 'demo-operating-09',
		project: PROJECT.security,
		model: 'government-government',
		rationale: '网络安全监管为政府职责，核心能力由政府掌握。',
		responsibilities: '市委网信办统筹，市大数据局负责平台建设，市公安局负责监督检查。',
		financing: '市级财政资金。'
	},
	{
		id: 'demo-operating-10',
		project: PROJECT.economy,
		model: 'partnership-enterprise',
		rationale: '产业培育以市场为主，政府引导基金撬动社会资本。',
		responsibilities: '市发展和改革委员会负责政策和基金管理；基金管理人和园区运营企业负责运营。',
		financing: '政府引导基金2亿元，带动社会资本投入，目标放大比例1:4。'
	}
];

const section92: DemoSection = {
	clause: '9.2',
	author: 'dsj',
	body: [
		'按照“公益类政府主导、经营类市场运作”的原则，逐项确定重点工程的运营模式。示例市城市运营科技有限公司作为市属国有企业，承担平台类项目的运营。'
	],
	blocks: { operatingModel }
};

const phases: DemoRow<'phases'>[] = [
	{
		id: 'demo-phase-01',
		name: '夯实基础阶段',
		start: '2026-01-01',
		end: '2026-12-31',
		goals: [GOAL.phaseCloud],
		tasks: '完成政务云扩容和首批系统迁移上云，启动城市大脑、数据共享交换平台和政务服务平台建设。',
		outcomes: '完成首批120个系统上云，数据共享交换平台完成升级。',
		budget: phaseBudget(2026, 2026),
		projects: [
			PROJECT.cityBrain,
			PROJECT.oneNetService,
			PROJECT.dataPlatform,
			PROJECT.cloud,
			PROJECT.health,
			PROJECT.video,
			PROJECT.security
		]
	},
	{
		id: 'demo-phase-02',
		name: '全面建设阶段',
		start: '2027-01-01',
		end: '2028-12-31',
		goals: [
			GOAL.phaseService,
			GOAL.phaseBrain,
			GOAL.service,
			GOAL.data,
			GOAL.cloud,
			GOAL.health,
			GOAL.security,
			GOAL.video
		],
		tasks: '城市大脑一期上线，全面推行“一件事一次办”，启动智慧交通、基层智治和数字经济培育工程。',
		outcomes: '城市大脑一期上线，全程网办率达到95%，检查检验结果互认率达到90%。',
		budget: phaseBudget(2027, 2028),
		projects: [
			PROJECT.cityBrain,
			PROJECT.oneNetService,
			PROJECT.dataPlatform,
			PROJECT.cloud,
			PROJECT.traffic,
			PROJECT.health,
			PROJECT.grassroots,
			PROJECT.video,
			PROJECT.security,
			PROJECT.economy
		]
	},
	{
		id: 'demo-phase-03',
		name: '深化提升阶段',
		start: '2029-01-01',
		end: '2030-12-31',
		goals: [GOAL.overall, GOAL.operations, GOAL.network, GOAL.traffic, GOAL.standards],
		tasks: '深化城市大脑场景应用，完成智慧交通和基层智治建设，开展建设成效评估。',
		outcomes:
			'城市运行事件按期处置率达到98%，主城区高峰时段平均车速达到25千米/小时，每万人5G基站达到35个。',
		budget: phaseBudget(2029, 2030),
		projects: [
			PROJECT.traffic,
			PROJECT.grassroots,
			PROJECT.cloud,
			PROJECT.security,
			PROJECT.economy
		]
	}
];

const section93: DemoSection = {
	clause: '9.3',
	author: 'fgw',
	body: [
		'规划期分三个阶段实施，先底座、后应用，成熟一个推广一个。每年年底开展阶段评估，根据评估结果调整下一年度建设计划。'
	],
	blocks: { phases }
};

const section94: DemoSection = {
	clause: '9.4',
	author: 'fgw',
	body: ['为确保规划落地实施，从组织、政策、人才、资金等方面提出保障措施。'],
	items: {
		'9.4.a': [
			'成立由市长任组长的示例市智慧城市建设领导小组，领导小组办公室设在市大数据局，负责统筹规划、项目审核和督促检查。各部门明确分管领导和首席数据官，形成“领导小组统筹、大数据局牵头、部门分工负责”的工作机制。'
		],
		'9.4.b': [
			'制定《示例市公共数据管理办法》《示例市政务信息化项目管理办法》，完善数据共享、项目审核和运营考核制度；积极参与国家和省级智慧城市标准制定。'
		],
		'9.4.c': [
			'实施数字人才引育计划，每年引进数字领域高层次人才50名；与本地高校共建智慧城市学院；每年对市县两级领导干部开展数字素养专题培训。'
		],
		'9.4.A1.assessment': [
			'将智慧城市建设纳入市对县（市、区）和市直部门的年度绩效考核，权重不低于3%。'
		],
		'9.4.A1.technology': ['成立智慧城市专家咨询委员会，对重点工程的技术方案、标准和验收提供咨询。'],
		'9.4.A1.operations': [
			'建立统一运维服务体系，平台类项目运维纳入服务水平协议考核，核心系统可用性不低于99.9%。'
		],
		'9.4.A1.promotion': [
			'通过“示例通”、政务新媒体和社区宣传栏宣传智慧城市建设成果，每年举办一次数字城市开放日。'
		]
	}
};

export const CHAPTER_9: readonly DemoSection[] = [section91, section92, section93, section94];
