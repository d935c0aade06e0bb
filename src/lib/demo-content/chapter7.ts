/**
 * Chapter 7 总体设计 of the demo plan. One goal (数字经济) has no deadline on purpose (gaps.ts).
 */
import { presetRowsFor } from '../templates/presets/index.ts';
import { GOAL, INDICATOR, NEED, PLAN, sequentialIds } from './ids.ts';
import type { DemoRow, DemoSection } from './types.ts';

const section72: DemoSection = {
	clause: '7.2',
	author: 'dsj',
	body: [
		'示例市智慧城市建设坚持以人民为中心的发展思想，立足城市现状和建设需求，确定如下指导思想和基本原则。'
	],
	items: {
		'7.2.1': [
			'以习近平新时代中国特色社会主义思想为指导，全面贯彻落实数字中国建设部署，以数据资源为关键要素，以城市大脑为数字中枢，以“一网通办”“一网统管”为突破口，统筹推进数字政府、数字社会、数字经济协调发展，推动城市全域数字化转型，为建设区域中心城市提供有力支撑。'
		],
		'7.2.2': [
			'- 需求牵引，问题导向：从群众和企业反映最集中的问题出发，以解决实际问题检验建设成效。',
			'- 统筹规划，集约建设：统一规划、统一平台、统一标准，杜绝重复建设，已有系统能复用的不新建。',
			'- 数据驱动，共享开放：以数据共享为原则、不共享为例外，推动数据有序流动和开发利用。',
			'- 安全可控，稳步推进：同步规划、同步建设、同步运行安全保障措施，分阶段有序实施。',
			'- 政府引导，多元参与：发挥政府规划引导作用，吸引企业和社会力量参与建设运营。'
		]
	}
};

const CONSISTENT_PLANS =
	'《示例市国民经济和社会发展第十五个五年规划纲要》《示例省数字政府建设总体规划（2025—2030年）》';

const goals: DemoRow<'goals'>[] = [
	{
		id: GOAL.overall,
		level: 'overall',
		statement:
			'到2030年，建成“一脑统揽、两网协同、多端惠民”的新型智慧城市，城市治理和公共服务数字化水平位居全省前列。',
		// Measured through its 细分目标 (7.3.3 b)): no composite score without a scoring method behind it.
		deadline: 2030,
		owner: '示例市大数据局',
		alignedPlans: CONSISTENT_PLANS,
		plans: [PLAN.digitalChina, PLAN.cityTransformation, PLAN.provinceGov, PLAN.cityFiveYear]
	},
	{
		id: GOAL.service,
		level: 'specific',
		parent: GOAL.overall,
		statement: '政务服务便捷高效，高频事项实现全程网办。',
		indicator: '政务服务事项全程网办率',
		indicatorRef: INDICATOR.service,
		baseline: 72,
		target: 95,
		unit: '%',
		deadline: 2028,
		owner: '示例市行政审批服务局',
		alignedPlans: '《示例省数字政府建设总体规划（2025—2030年）》',
		needs: [NEED.oneNetService, NEED.performance, NEED.interfaces]
	},
	{
		id: GOAL.operations,
		level: 'specific',
		parent: GOAL.overall,
		statement: '城市运行“一网统管”，跨部门事件按期高效处置。',
		indicator: '城市运行事件按期处置率',
		indicatorRef: INDICATOR.operations,
		baseline: 85,
		target: 98,
		unit: '%',
		deadline: 2029,
		owner: '示例市大数据局',
		needs: [NEED.oneNetManage, NEED.grassroots]
	},
	{
		id: GOAL.data,
		level: 'specific',
		parent: GOAL.overall,
		statement: '政务数据按需共享，部门共享需求及时得到满足。',
		indicator: '政务数据共享需求满足率',
		indicatorRef: INDICATOR.data,
		baseline: 60,
		target: 95,
		unit: '%',
		deadline: 2028,
		owner: '示例市大数据局',
		needs: [NEED.dataSharing, NEED.baseDatabases]
	},
	{
		id: GOAL.cloud,
		level: 'specific',
		parent: GOAL.overall,
		statement: '市级部门非涉密信息系统全部部署在市级政务云。',
		indicator: '部门非涉密信息系统上云率',
		indicatorRef: INDICATOR.cloud,
		baseline: 55,
		target: 100,
		unit: '%',
		deadline: 2027,
		owner: '示例市大数据局',
		needs: [NEED.govCloud]
	},
	{
		id: GOAL.network,
		level: 'specific',
		parent: GOAL.overall,
		statement: '5G网络城乡连续覆盖，支撑物联感知设备规模接入。',
		indicator: '每万人拥有5G基站数',
		indicatorRef: INDICATOR.network,
		baseline: 18,
		target: 35,
		unit: '个',
		deadline: 2030,
		owner: '示例市工业和信息化局',
		needs: [NEED.network]
	},
	{
		id: GOAL.traffic,
		level: 'specific',
		parent: GOAL.overall,
		statement: '主城区交通拥堵明显缓解。',
		indicator: '主城区高峰时段平均车速',
		indicatorRef: INDICATOR.traffic,
		baseline: 21.5,
		target: 25,
		unit: '千米/小时',
		deadline: 2029,
		owner: '示例市公安局交通警察支队',
		alignedPlans: '《示例市综合交通运输“十五五”发展规划》',
		plans: [PLAN.transport],
		needs: [NEED.traffic]
	},
	{
		id: GOAL.health,
		level: 'specific',
		parent: GOAL.overall,
		statement: '二级以上医疗机构检查检验结果互认。',
		indicator: '二级以上医疗机构检查检验结果互认率',
		indicatorRef: INDICATOR.health,
		baseline: 40,
		target: 90,
		unit: '%',
		deadline: 2028,
		owner: '示例市卫生健康委员会',
		alignedPlans: '《示例市“十五五”卫生健康事业发展规划》',
		plans: [PLAN.health],
		needs: [NEED.health]
	},
	{
		id: GOAL.security,
		level: 'specific',
		parent: GOAL.overall,
		statement: '重要信息系统安全防护达标。',
		indicator: '重要信息系统等级保护测评达标率',
		indicatorRef: INDICATOR.security,
		baseline: 80,
		target: 100,
		unit: '%',
		deadline: 2027,
		owner: '中共示例市委网络安全和信息化委员会办公室',
		needs: [NEED.security]
	},
	{
		id: GOAL.video,
		level: 'specific',
		parent: GOAL.overall,
		statement: '公共安全视频资源全量联网共享。',
		indicator: '公共安全视频监控联网共享率',
		indicatorRef: INDICATOR.video,
		baseline: 70,
		target: 100,
		unit: '%',
		deadline: 2028,
		owner: '示例市公安局',
		needs: [NEED.video]
	},
	{
		// Deliberate gap (gaps.ts): no deadline, so 7.3.3 f) fails.
		id: GOAL.economy,
		level: 'specific',
		parent: GOAL.overall,
		statement: '数字经济成为全市经济增长的重要引擎。',
		indicator: '数字经济核心产业增加值占地区生产总值比重',
		indicatorRef: INDICATOR.economy,
		baseline: 6.8,
		target: 10,
		unit: '%',
		owner: '示例市发展和改革委员会',
		alignedPlans: '《示例市国民经济和社会发展第十五个五年规划纲要》',
		needs: [NEED.digitalEconomy]
	},
	{
		id: GOAL.standards,
		level: 'specific',
		parent: GOAL.overall,
		statement: '建立智慧城市地方标准体系。',
		indicator: '发布智慧城市地方标准数量',
		indicatorRef: INDICATOR.standards,
		baseline: 0,
		target: 15,
		unit: '项',
		deadline: 2030,
		owner: '示例市市场监督管理局',
		needs: [NEED.standards]
	},
	{
		id: GOAL.hazards,
		level: 'specific',
		parent: GOAL.overall,
		statement: '地质灾害隐患点和主城区易涝点实现自动化监测预警。',
		indicator: '地质灾害隐患点自动化监测覆盖率',
		indicatorRef: INDICATOR.hazards,
		baseline: 15,
		target: 100,
		unit: '%',
		deadline: 2028,
		owner: '示例市应急管理局',
		needs: [NEED.hazards]
	},
	{
		id: GOAL.phaseCloud,
		level: 'phase',
		parent: GOAL.cloud,
		statement: '2026年底前完成首批市级部门系统迁移上云。',
		indicator: '完成迁移上云的系统数量',
		baseline: 0,
		target: 120,
		unit: '个',
		deadline: 2026,
		owner: '示例市大数据局',
		tasks: '完成政务云扩容（新增计算资源3,000核），制定迁移计划，分三批迁移市级部门系统。',
		outcomes: '首批120个系统迁移上云，政务云承载率由55%提高到75%。'
	},
	{
		id: GOAL.phaseService,
		level: 'phase',
		parent: GOAL.service,
		statement: '2027年底前推出一批“一件事一次办”主题服务。',
		indicator: '“一件事一次办”主题数量',
		baseline: 12,
		target: 60,
		unit: '个',
		deadline: 2027,
		owner: '示例市行政审批服务局',
		tasks: '梳理高频“一件事”清单，改造一体化政务服务平台受理和流转功能。',
		outcomes: '推出“一件事一次办”主题60个，全程网办率达到85%。'
	},
	{
		id: GOAL.phaseBrain,
		level: 'phase',
		parent: GOAL.operations,
		statement: '2027年底前城市大脑一期上线，接入首批城市运行体征指标。',
		indicator: '接入城市运行体征指标数',
		baseline: 0,
		target: 300,
		unit: '项',
		deadline: 2027,
		owner: '示例市大数据局',
		tasks: '建设城市运行管理中心和城市大脑运行管理平台，接入12345热线、数字城管和应急指挥系统。',
		outcomes: '城市大脑一期上线，接入城市运行体征指标300项。'
	}
];

const section73: DemoSection = {
	clause: '7.3',
	author: 'dsj',
	body: [
		'建设目标分为总体目标、细分目标和阶段目标三个层次。细分目标逐项对应6.5的建设需求，并注明所衔接的相关规划；阶段目标与9.3的实施阶段相对应。'
	],
	blocks: { goals }
};

const LAYER_CONTENT: Readonly<Record<string, [elements: string, approach: string]>> = {
	application: [
		'面向市民、企业和政府的智慧应用，包括一网通办、一网统管、智慧交通、智慧医疗、基层智治、智慧应急等。',
		'一体化政务服务平台改建；城市运行管理、基层治理等应用新建；部门已有业务系统按统一规范接入。'
	],
	'data-service': [
		'城市大脑数字中枢：数据共享交换平台、五大基础库和主题库、数据中台、AI能力中心、统一身份认证、电子证照等共性支撑服务。',
		'数据共享交换平台改建升级；统一身份认证和电子证照复用省级平台；AI能力中心新建。'
	],
	compute: [
		'市级政务云（主中心+同城灾备中心）、城市智算中心，提供计算、存储、灾备和AI算力服务。',
		'在现有政务云基础上扩容；智算中心采用购买服务方式，由运营商投资建设。'
	],
	network: [
		'电子政务外网、5G网络、千兆光网、物联网专网，实现市、县、乡、村四级网络全覆盖。',
		'政务外网延伸至全部行政村；5G和千兆光网由基础电信企业投资建设。'
	],
	sensing: [
		'覆盖地下管网、地面道路、水域和空中的物联感知设备及城市物联感知接入平台。',
		'新建统一的物联感知接入平台，各部门已建感知设备统一接入、共享使用。'
	],
	'construction-management': [
		'智慧城市项目统筹审核、建设监理、验收评估和绩效评价的制度和平台。',
		'建立全市信息化项目统筹管理平台，所有政务信息化项目纳入统一审核。'
	],
	security: [
		'覆盖物理、网络、平台、数据、应用各层的安全防护体系，以及网络安全态势感知平台。',
		'新建市级网络安全态势感知平台，复用公安网络安全监管能力。'
	],
	operations: [
		'统一运维服务体系，包括运维监控平台、服务台、运维流程和服务水平协议。',
		'由城市运营公司承担平台类项目运维，部门业务系统运维纳入统一监控。'
	]
};

function overallLayers(): DemoRow<'architectureLayers'>[] {
	const preset = presetRowsFor('7.4', 'architectureLayers', sequentialIds('demo-layer74')) ?? [];
	return preset.map((row) => {
		const content = row.layer ? LAYER_CONTENT[row.layer] : undefined;
		if (!content) throw new Error(`demo 7.4: no content for ${row.layer}`);
		return { ...row, elements: content[0], approach: content[1] };
	});
}

const section74: DemoSection = {
	clause: '7.4',
	author: 'dsj',
	body: [
		'示例市智慧城市总体架构依据GB/T 34678-2017的智慧城市技术参考模型设计，自下而上分为物联感知层、网络通信层、计算与存储层、数据及服务融合层和智慧应用层，建设管理、安全保障和运维管理贯穿各层。',
		'城市大脑作为数据及服务融合层的核心，向上支撑各类智慧应用，向下统筹计算、网络和感知资源。'
	],
	blocks: { architectureLayers: overallLayers() }
};

export const CHAPTER_7: readonly DemoSection[] = [section72, section73, section74];
