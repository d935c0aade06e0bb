/** Chapter 6 需求分析 of the demo plan. 6.5.2 j）接口需求分析 is left empty on purpose (gaps.ts). */
import type { IndicatorRow } from '../templates/blocks/index.ts';
import { presetRowsFor } from '../templates/presets/index.ts';
import { INDICATOR, NEED, PLAN, sequentialIds } from './ids.ts';
import type { DemoRow, DemoSection } from './types.ts';

const section61: DemoSection = {
	clause: '6.1',
	author: 'fgw',
	body: [
		'本章依据《示例市国民经济和社会发展第十五个五年规划纲要》《示例市国土空间总体规划（2021—2035年）》等规划，分析示例市的战略定位、智慧化愿景、发展形势和面临的挑战，为确定智慧城市建设目标提供依据。'
	],
	items: {
		'6.1.2.1': [
			'示例市是省域副中心城市和区域性综合交通枢纽，市域面积8,260平方千米，常住人口约302万人，2025年地区生产总值约2,860亿元。“十五五”时期，市委、市政府提出建设“区域中心城市、先进制造业基地、宜居宜业品质之城”的发展定位。',
			'智慧城市建设是落实上述定位的重要抓手：以数字政府建设提升治理效能，以数字经济发展培育新动能，以数字社会建设增进民生福祉，为2030年基本实现城市治理体系和治理能力现代化提供支撑。'
		],
		'6.1.2.2': [
			'示例市智慧化建设的整体设想是“一脑统揽、两网协同、多端惠民”：建设城市大脑作为城市运行的数字中枢，推动政务服务“一网通办”和城市运行“一网统管”，通过“示例通”移动端、政务服务大厅和基层网格为市民和企业提供服务。',
			'重点解决部门数据不通、业务协同不畅、基层负担重、城市运行风险发现滞后等问题。到2030年，建成全省领先的新型智慧城市：政务服务事项全程网办率达到95%，城市运行事件按期处置率达到98%，政务数据共享需求满足率达到95%（各项目标及其基线见7.3）。'
		],
		'6.1.2.3': [
			'国家层面，《数字中国建设整体布局规划》《关于深化智慧城市发展推进城市全域数字化转型的指导意见》对城市全域数字化转型提出明确要求；省级层面，全省推进“数字政府”一体化建设，要求各地市2027年前实现政务云、数据共享平台与省级平台全面对接。',
			'区域层面，示例市处于省内城市群核心区，与周边城市在交通、医疗、政务服务“跨域通办”方面合作需求迫切。居民对便捷办事、便利出行、优质医疗的期待不断提高；人工智能大模型、5G-A、城市信息模型（CIM）等技术趋于成熟，为城市治理和产业升级提供了新的可能。'
		],
		'6.1.2.4': [
			'宏观环境方面，经济下行压力与财政收支平衡压力并存，智慧城市建设必须集约投入、注重实效。城市治理方面，条块分割的管理模式尚未根本改变，跨部门事件平均流转时间超过3个工作日。',
			'产业发展方面，数字经济核心产业规模偏小，缺少龙头企业；公共安全方面，汛期内涝、危化品运输、高层建筑消防等风险点多面广；生态宜居方面，大气和水环境质量改善进入攻坚期，对精细化监测和协同治理提出更高要求。'
		]
	}
};

const section62: DemoSection = {
	clause: '6.2',
	author: 'fgw',
	body: [
		'2025年7月至10月，市发展改革委会同市大数据局对52个市直部门、9个县（市、区）和18家重点企业开展了现状调研，发放问卷1,260份，召开座谈会23场，形成以下调研结论。'
	],
	items: {
		'6.2.1': [
			'示例市地处平原向丘陵过渡地带，属亚热带季风气候，年均降水量1,350毫米，汛期集中在5月至9月。市域内有大小河流47条，主城区地势低洼区域易发生内涝。矿产资源以石灰石、高岭土为主。',
			'自然灾害以暴雨洪涝、强对流天气为主，地质灾害隐患点216处，其中已安装自动化监测设备的32处（约15%），其余依靠人工巡查；主城区易涝点41处尚无积水实时监测。上述特征决定了智慧城市建设须把城市防汛、地质灾害监测预警作为物联感知的重点。'
		],
		'6.2.2': [
			'2025年示例市三次产业结构为8.2:43.6:48.2，装备制造、新材料、现代物流为主导产业，拥有国家级经济技术开发区1个、省级开发区6个。数字经济核心产业增加值占地区生产总值比重为6.8%，低于全省平均水平（8.9%）。',
			'与省内同类城市相比，示例市制造业基础较好，但工业互联网平台应用、企业上云和数据要素市场培育明显滞后，规模以上工业企业数字化改造覆盖率仅为41%。'
		],
		'6.2.3': [
			'人口方面，全市常住人口302万人，城镇化率63.5%，60岁及以上人口占比22.4%，老龄化程度高于全国平均水平；主城区人口密度约每平方千米1.1万人，新城区职住分离明显，早晚高峰潮汐交通突出。',
			'城市管理方面，全市划分基层网格5,836个，但网格事件仍以人工上报为主，自动发现率不足15%。社会治安总体平稳，公共安全视频监控已建点位约4.2万路，联网共享率约70%。',
			'综合上述分析，社会治理的信息化重点在于：建设统一的城市运行管理平台，推进网格治理数字化，提升公共安全视频资源的共享和智能分析水平。'
		],
		'6.2.4': [
			'政府管理方面，全市共有部门业务系统312个，其中约40%部署在各部门自建机房，市级政务云承载率仅为55%；已建成的市政务数据共享交换平台累计挂接数据目录3,100余条，但实际调用活跃的不足三分之一。',
			'民生服务方面，一体化政务服务平台可网办事项占比86%，全程网办率72%；二级以上医疗机构电子病历系统应用水平平均为3.6级，检查检验结果互认率约40%，仅在医联体内部实现，全市范围尚未互认。',
			'基础设施方面，全市累计建成5G基站5,400个，千兆光网覆盖家庭比例达92%；电子政务外网已覆盖市、县、乡三级，村级覆盖率为78%。'
		],
		'6.2.5': [
			'示例市于2023年组建市大数据局，作为全市智慧城市和数字政府建设的主管部门，承担统筹规划、项目审核和数据资源管理职责；各县（市、区）已明确数据主管部门，但人员编制普遍不足。',
			'调研表明，信息化项目仍存在“部门各自立项、重复建设”现象，项目统筹审核机制、数据共享责任清单和运营考核机制有待完善。多数部门负责人支持“统一规划、统一平台、统一运营”的改革方向，建议建立市智慧城市建设领导小组统筹推进。'
		]
	}
};

/**
 * 6.3's assessment (现状) of the preset rows of GB/T 33356, by sub-indicator name. No targets: a target
 * belongs in 6.3 only when a goal of 7.3 carries it (6.3.used-by-goals).
 */
const INDICATOR_VALUES: Readonly<Record<string, [current: string, source: string]>> = {
	以公民身份号码或法人和其他组织统一社会信用代码为唯一标识的电子证照使用率: ['58%', '市大数据局'],
	一站式办理率: ['81%', '市行政审批服务局'],
	网上统一入口率: ['90%', '市行政审批服务局'],
	城市交通运行指数发布情况: ['仅主城区按日发布', '市交通运输局'],
	公共汽电车来车信息实时预报率: ['64%', '市交通运输局'],
	公共交通乘车电子支付使用率: ['78%', '市公交集团'],
	社保服务在线办理情况: ['高频事项在线办理率85%', '市人力资源和社会保障局'],
	'街道(乡镇)社区(行政村)社保自助服务开通率': ['67%', '市人力资源和社会保障局'],
	社保异地业务联网办理情况: ['已接入国家平台，办理率70%', '市人力资源和社会保障局'],
	二级以上医疗机构电子病历普及率: ['100%', '市卫生健康委员会'],
	二级以上医疗机构预约诊疗率: ['52%', '市卫生健康委员会'],
	二级以上医疗机构门诊健康档案调阅率: ['23%', '市卫生健康委员会'],
	学校多媒体教室普及率: ['96%', '市教育局'],
	师生网络学习空间覆盖率: ['74%', '市教育局'],
	学校无线网络覆盖率: ['81%', '市教育局'],
	就业信息服务覆盖人群情况: ['覆盖城镇登记失业人员的88%', '市人力资源和社会保障局'],
	就业服务在线办理情况: ['在线办理率76%', '市人力资源和社会保障局'],
	移动互联网城市服务提供情况: ['“示例通”接入服务412项', '市大数据局'],
	移动互联网城市服务公众使用情况: ['实名注册用户126万人', '市大数据局'],
	一卡通应用情况: ['社保卡居民服务“一卡通”应用场景18类', '市人力资源和社会保障局'],
	数字化城管情况: ['主城区全覆盖，县城覆盖60%', '市城市管理局'],
	市政管网管线智能化监测管理率: ['31%', '市住房和城乡建设局'],
	综合管廊覆盖率: ['4.5%', '市住房和城乡建设局'],
	公共安全视频资源采集和覆盖情况: ['重点公共区域覆盖率92%', '市公安局'],
	公共安全视频监控资源联网和共享程度: ['联网共享率70%', '市公安局'],
	公共安全视频图像提升社会管理能力情况: ['已在治安防控中应用，城市管理应用不足', '市公安局']
};

/** The preset's sub-indicator that goal 公共安全视频资源全量联网共享 carries into 7.3. */
const VIDEO_INDICATOR = '公共安全视频监控资源联网和共享程度';

type LocalIndicator = [
	id: string,
	level1: string,
	level2: string,
	name: string,
	attribute: 'expected' | 'binding',
	unit: string,
	current: string,
	target: string,
	method: string,
	dataSource: string
];

/**
 * 自选指标: the measures 7.3's goals use, each with its baseline as 6.2 reports it (the survey text and
 * the number must agree), its 2030 target, 属性, 测算方法 and 数据来源. Base year 2025 throughout.
 */
const LOCAL_INDICATORS: readonly LocalIndicator[] = [
	[
		INDICATOR.economy,
		'数字经济',
		'产业规模',
		'数字经济核心产业增加值占地区生产总值比重',
		'expected',
		'%',
		'6.8',
		'10',
		'数字经济核心产业增加值 ÷ 地区生产总值 × 100%',
		'市统计局'
	],
	[
		INDICATOR.grid,
		'精准治理',
		'基层治理',
		'网格事件智能发现率',
		'expected',
		'%',
		'15',
		'',
		'智能发现并立案的网格事件数 ÷ 网格事件总数 × 100%',
		'市委政法委'
	],
	[
		INDICATOR.service,
		'惠民服务',
		'政务服务',
		'政务服务事项全程网办率',
		'binding',
		'%',
		'72',
		'95',
		'全程网办事项数 ÷ 依申请政务服务事项总数 × 100%',
		'市行政审批服务局'
	],
	[
		INDICATOR.operations,
		'精准治理',
		'城市运行',
		'城市运行事件按期处置率',
		'binding',
		'%',
		'85',
		'98',
		'按期办结的跨部门事件数 ÷ 跨部门事件总数 × 100%',
		'市大数据局'
	],
	[
		INDICATOR.data,
		'信息资源',
		'开放共享',
		'政务数据共享需求满足率',
		'binding',
		'%',
		'60',
		'95',
		'已满足的共享需求数 ÷ 登记的共享需求总数 × 100%',
		'市大数据局'
	],
	[
		INDICATOR.cloud,
		'智能设施',
		'政务云',
		'部门非涉密信息系统上云率',
		'binding',
		'%',
		'55',
		'100',
		'部署在市级政务云的非涉密系统数 ÷ 非涉密系统总数 × 100%',
		'市大数据局'
	],
	[
		INDICATOR.network,
		'智能设施',
		'信息网络',
		'每万人拥有5G基站数',
		'expected',
		'个',
		'18',
		'35',
		'5G基站数 ÷ 常住人口（万人）',
		'市工业和信息化局'
	],
	[
		INDICATOR.traffic,
		'惠民服务',
		'交通服务',
		'主城区高峰时段平均车速',
		'expected',
		'千米/小时',
		'21.5',
		'25',
		'早晚高峰主城区浮动车平均车速',
		'市公安局交通警察支队'
	],
	[
		INDICATOR.health,
		'惠民服务',
		'医疗服务',
		'二级以上医疗机构检查检验结果互认率',
		'binding',
		'%',
		'40',
		'90',
		'互认的检查检验项目数 ÷ 应互认项目数 × 100%',
		'市卫生健康委员会'
	],
	[
		INDICATOR.security,
		'网络安全',
		'安全管理',
		'重要信息系统等级保护测评达标率',
		'binding',
		'%',
		'80',
		'100',
		'测评达标的重要信息系统数 ÷ 重要信息系统总数 × 100%',
		'市委网信办'
	],
	[
		INDICATOR.standards,
		'改革创新',
		'标准规范',
		'发布智慧城市地方标准数量',
		'expected',
		'项',
		'0',
		'15',
		'累计发布的智慧城市地方标准数',
		'市市场监督管理局'
	],
	[
		INDICATOR.hazards,
		'精准治理',
		'公共安全',
		'地质灾害隐患点自动化监测覆盖率',
		'binding',
		'%',
		'15',
		'100',
		'安装自动化监测设备的隐患点数 ÷ 隐患点总数（216处） × 100%',
		'市自然资源和规划局'
	]
];

function indicatorRows(): DemoRow<'indicators'>[] {
	const preset = presetRowsFor('6.3', 'indicators', sequentialIds('demo-indicator')) ?? [];
	// The preset's indicators are assessed (现状) only; the one a goal carries gets a target.
	const rows: DemoRow<'indicators'>[] = preset.map((row: IndicatorRow) => {
		const values = INDICATOR_VALUES[row.name];
		if (!values) throw new Error(`demo 6.3: no values for ${row.name}`);
		const [current, dataSource] = values;
		if (row.name === VIDEO_INDICATOR)
			return {
				...row,
				id: INDICATOR.video,
				attribute: 'binding',
				unit: '%',
				baseYear: 2025,
				current: '70',
				target: '100',
				method: '接入市视频共享平台的公共安全视频路数 ÷ 已建路数 × 100%',
				dataSource
			};
		return { ...row, current, dataSource, baseYear: 2025, note: '2025年底数据' };
	});
	return [
		...rows,
		...LOCAL_INDICATORS.map(
			([id, level1, level2, name, attribute, unit, current, target, method, dataSource], i) => ({
				id,
				source: 'local' as const,
				code: `SL-${String(i + 1).padStart(2, '0')}`,
				level1,
				level2,
				name,
				attribute,
				unit,
				baseYear: 2025,
				current,
				target,
				method,
				dataSource,
				note: '自选指标'
			})
		)
	];
}

const section63: DemoSection = {
	clause: '6.3',
	author: 'dsj',
	body: [
		'依据GB/T 33356-2016《新型智慧城市评价指标》（正文6.3引用的版本；2022年版的指标名称未取得核实的原文，暂未采用），结合示例市实际增设12项自选指标，对全市智慧城市建设现状进行评估。评估数据截至2025年12月31日，由各指标责任部门填报、市大数据局审核。',
		'## 评估结论',
		'惠民服务类指标总体处于全省中上水平，政务服务网上统一入口、电子病历普及等指标已基本达标；精准治理类指标短板明显，市政管网智能化监测、视频资源共享和网格事件智能发现等指标与目标差距较大，是本次顶层设计的重点。'
	],
	blocks: { indicators: indicatorRows() }
};

/** 6.4's register: the national, provincial and municipal plans the goals align with. */
const PLAN_REGISTER: DemoRow<'planRegister'>[] = [
	{
		id: PLAN.digitalChina,
		name: '数字中国建设整体布局规划',
		level: 'national',
		issuer: '中共中央、国务院',
		year: 2023,
		content: '按照“2522”整体框架推进数字中国建设，夯实数字基础设施和数据资源体系两大基础。',
		alignment: '总体架构（7.4）的数据及服务融合层和物联感知层按“两大基础”组织。'
	},
	{
		id: PLAN.cityTransformation,
		name: '关于深化智慧城市发展推进城市全域数字化转型的指导意见',
		level: 'national',
		issuer: '国家发展改革委、国家数据局等',
		year: 2024,
		content: '推进城市数字化转型，建设城市运行和治理智能中枢，深化城市数据融通和开发利用。',
		alignment: '城市大脑建设工程作为城市运行和治理智能中枢；公共数据资源体系建设工程落实数据融通。'
	},
	{
		id: PLAN.provinceGov,
		name: '示例省数字政府建设总体规划（2025—2030年）',
		level: 'provincial',
		issuer: '示例省人民政府',
		year: 2025,
		content: '要求2027年前市级政务云、数据共享平台与省级平台全面对接。',
		alignment: '政务云和数据共享平台的对接时限与省规划一致，均为2027年底前。'
	},
	{
		id: PLAN.cityFiveYear,
		name: '示例市国民经济和社会发展第十五个五年规划纲要',
		level: 'municipal',
		issuer: '示例市人民代表大会',
		year: 2026,
		content: '数字经济核心产业增加值占比2030年达到10%，建成“数字示例”。',
		alignment: '数字经济目标（7.3）采用同一指标和目标值。'
	},
	{
		id: PLAN.transport,
		name: '示例市综合交通运输“十五五”发展规划',
		level: 'sectoral',
		issuer: '示例市交通运输局',
		year: 2026,
		content: '主城区高峰时段平均车速不低于25千米/小时，建设智慧交通管理体系。',
		alignment: '智慧交通目标采用同一车速指标和目标值。'
	},
	{
		id: PLAN.health,
		name: '示例市“十五五”卫生健康事业发展规划',
		level: 'sectoral',
		issuer: '示例市卫生健康委员会',
		year: 2026,
		content: '建成区域全民健康信息平台，实现二级以上医疗机构检查检验结果互认。',
		alignment: '智慧医疗工程承担互认平台建设，目标年份一致（2028年）。'
	}
];

const section64: DemoSection = {
	clause: '6.4',
	author: 'fgw',
	body: [
		'本次顶层设计衔接的相关规划及要点如下：',
		'- 《示例市国民经济和社会发展第十五个五年规划纲要》：提出数字经济核心产业增加值占比2030年达到10%，建成“数字示例”。',
		'- 《示例市国土空间总体规划（2021—2035年）》：要求建设国土空间基础信息平台，为城市信息模型（CIM）平台提供空间底座。',
		'- 《示例市综合交通运输“十五五”发展规划》：提出主城区高峰时段平均车速不低于25千米/小时，建设智慧交通管理体系。',
		'- 《示例市“十五五”卫生健康事业发展规划》：要求建成区域全民健康信息平台，实现二级以上医疗机构检查检验结果互认。',
		'- 《示例省数字政府建设总体规划（2025—2030年）》：要求市级政务云、数据共享平台与省级平台全面对接。',
		'经比对，上述规划在数字基础设施、数据共享和行业应用方面的目标与本规划方向一致；本规划的建设目标（7.3）已逐项注明所衔接的规划，避免指标口径冲突。'
	],
	blocks: { planRegister: PLAN_REGISTER }
};

const needs: DemoRow<'needs'>[] = [
	{
		id: NEED.oneNetService,
		statement:
			'企业和群众办事仍存在“多头跑、重复交材料”，需推动高频政务服务事项全程网办和“一件事一次办”。',
		category: '6.5.2.c',
		stakeholder: 'resident',
		origin: '6.2',
		priority: 'high'
	},
	{
		id: NEED.oneNetManage,
		statement:
			'城市运行缺少统一的监测、预警和指挥调度平台，跨部门事件流转慢，需建设城市运行“一网统管”能力。',
		category: '6.5.2.d',
		stakeholder: 'government',
		origin: '6.2',
		priority: 'high'
	},
	{
		id: NEED.dataSharing,
		statement: '部门间数据共享以“点对点”对接为主，需以全市统一的数据共享交换平台按需共享数据。',
		category: '6.5.2.f',
		stakeholder: 'government',
		origin: '6.3',
		priority: 'high'
	},
	{
		id: NEED.baseDatabases,
		statement: '人口、法人、空间地理、电子证照等基础数据分散、标准不一，需建设统一的基础数据库。',
		category: '6.5.2.e',
		stakeholder: 'government',
		origin: '6.2',
		priority: 'high'
	},
	{
		id: NEED.govCloud,
		statement: '约40%的部门系统部署在自建机房，运维和安全水平参差，需统一迁移至市级政务云。',
		category: '6.5.2.g',
		stakeholder: 'government',
		origin: '6.2',
		priority: 'high'
	},
	{
		id: NEED.network,
		statement: '新城区和农村地区5G、千兆光网覆盖不足，城市物联感知设施缺少统一接入。',
		category: '6.5.2.g',
		stakeholder: 'enterprise',
		origin: '6.3',
		priority: 'medium'
	},
	{
		id: NEED.traffic,
		statement: '主城区早晚高峰拥堵，信号灯配时固定，市民需要实时出行信息和更顺畅的通行。',
		category: '6.5.2.c',
		stakeholder: 'resident',
		origin: '6.3',
		priority: 'high'
	},
	{
		id: NEED.health,
		statement: '医疗机构间检查检验结果不互认、健康档案调阅率低，患者重复检查、多次排队。',
		category: '6.5.2.c',
		stakeholder: 'resident',
		origin: '6.3',
		priority: 'high'
	},
	{
		id: NEED.grassroots,
		statement: '基层网格员重复填报报表，网格事件以人工上报为主，需要减负增效和智能发现。',
		category: '6.5.2.b',
		stakeholder: 'government',
		origin: '6.2',
		priority: 'medium'
	},
	{
		id: NEED.security,
		statement: '部分重要信息系统未完成等级保护测评，数据安全防护和安全运营能力不足。',
		category: '6.5.2.i',
		stakeholder: 'government',
		origin: '6.2',
		priority: 'high'
	},
	{
		id: NEED.digitalEconomy,
		statement: '数字经济核心产业占比偏低，企业数字化改造意愿强但能力弱，需要平台和政策支持。',
		category: '6.5.2.a',
		stakeholder: 'enterprise',
		origin: '6.1',
		priority: 'medium'
	},
	{
		id: NEED.standards,
		statement: '智慧城市建设缺少地方标准规范，数据、接口和平台建设口径不一。',
		category: '6.5.A1.regulation',
		stakeholder: 'government',
		origin: '6.4',
		priority: 'medium'
	},
	{
		id: NEED.performance,
		statement:
			'政务服务平台在社保缴费、入学报名等高峰期响应慢，需支撑峰值10万并发、页面响应不超过2秒。',
		category: '6.5.2.h',
		stakeholder: 'resident',
		origin: '6.2',
		priority: 'medium'
	},
	{
		id: NEED.video,
		statement: '公共安全视频资源分属多个部门，联网共享率约70%，需统一汇聚并开展智能分析。',
		category: '6.5.2.d',
		stakeholder: 'government',
		origin: '6.3',
		priority: 'high'
	},
	{
		id: NEED.interfaces,
		statement: '市级平台与省级一体化平台、各县（市、区）系统接口不统一，需统一接口和对接规范。',
		category: '6.5.2.j',
		stakeholder: 'government',
		origin: '6.2',
		priority: 'medium'
	},
	{
		id: NEED.hazards,
		statement:
			'216处地质灾害隐患点中仅32处有自动化监测，主城区41处易涝点无积水实时监测，汛期预警依赖人工巡查，居民生命财产安全面临风险。',
		category: '6.5.2.g',
		stakeholder: 'resident',
		origin: '6.2',
		priority: 'high'
	}
];

const section65: DemoSection = {
	clause: '6.5',
	author: 'dsj',
	body: [
		'在城市发展战略（6.1）、现状调研（6.2）、现状评估（6.3）和相关规划分析（6.4）的基础上，梳理形成示例市智慧城市建设需求清单共16项，其中高优先级10项，作为确定建设目标和重点工程的依据。'
	],
	items: {
		'6.5.2.a': [
			'对照“一脑统揽、两网协同、多端惠民”的智慧化愿景，需求分析的目标是：找准政务服务、城市治理、民生服务和产业发展中的突出问题，明确需通过信息化手段解决的事项及其优先次序。'
		],
		'6.5.2.b': [
			'用户分为四类：市民（常住人口302万人，其中“示例通”实名用户126万人）、企业（市场主体约31万户）、政府部门工作人员（市县两级约2.8万人）和基层网格员（约6,200人）。市民关注办事便捷和出行就医，企业关注审批效率和政策兑现，部门人员关注业务协同，网格员关注减负。'
		],
		'6.5.2.c': [
			'业务需求集中在政务服务“一件事一次办”、城市运行事件协同处置、交通信号优化与出行服务、医疗检查检验结果互认、基层网格事件闭环管理等方面。'
		],
		'6.5.2.d': [
			'系统功能需求包括：统一受理与“好差评”、城市运行体征监测与预警、事件智能分拨与督办、视频智能分析、交通信号自适应控制、区域健康档案调阅等。'
		],
		'6.5.2.e': [
			'需建设人口、法人、自然资源和空间地理、电子证照、社会信用五大基础库，以及城市运行、医疗健康、交通出行等主题库；全市政务数据目录覆盖率需达到100%。'
		],
		'6.5.2.f': [
			'需依托市数据共享交换平台，建立“需求清单—责任清单—负面清单”共享机制，实现跨部门、跨层级数据按需共享；重点支撑公安、人社、卫健、市场监管等部门的业务协同。'
		],
		'6.5.2.g': [
			'需扩容市级政务云至计算资源8,000核、存储6PB，电子政务外网延伸至全部行政村，新建城市物联感知接入平台，统一接入防汛、管网、环境等各类感知设备。'
		],
		'6.5.2.h': [
			'政务服务平台需支撑峰值10万并发用户，常用页面响应时间不超过2秒；城市运行管理平台的事件分拨时延不超过1分钟；政务云核心业务可用性不低于99.95%。'
		],
		'6.5.2.i': [
			'需满足网络安全等级保护2.0和关键信息基础设施保护要求，建立数据分类分级、脱敏和安全审计能力，构建全市统一的网络安全态势感知平台。'
		],
		'6.5.A1.regulation': [
			'示例市尚未出台公共数据管理、智慧城市建设管理等地方性规章，数据共享、平台接口等标准规范缺失。需制定《示例市公共数据管理办法》，并编制智慧城市地方标准体系。'
		]
	},
	blocks: { needs }
};

export const CHAPTER_6: readonly DemoSection[] = [
	section61,
	section62,
	section63,
	section64,
	section65
];
