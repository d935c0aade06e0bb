/**
 * Chapter 8 架构设计 of the demo plan. 8.6 标准体系 is left unwritten on purpose (gaps.ts).
 */
import type { BusinessNodeRow } from '../templates/blocks/index.ts';
import { presetRowsFor } from '../templates/presets/index.ts';
import { SYSTEM, sequentialIds } from './ids.ts';
import type { DemoRow, DemoSection } from './types.ts';

/** Who provides each first- and second-level business of Table B.1 in 示例市, and to whom. */
const BUSINESS_DETAILS: Readonly<
	Record<string, [provider: string, audience: string, channel: string, description?: string]>
> = {
	民生服务: [
		'市行政审批服务局等',
		'市民、企业',
		'“示例通”、政务服务大厅',
		'面向市民和企业的公共服务。'
	],
	市民服务: ['市卫生健康委员会、市教育局、市民政局', '市民', '“示例通”、政务服务网'],
	企业服务: ['市发展和改革委员会、市工业和信息化局', '企业', '“示例通”企业专区、惠企政策平台'],
	城市治理: [
		'市城市管理局、市应急管理局等',
		'政府部门',
		'城市运行管理平台',
		'城市运行的监测、处置和监管。'
	],
	安全监管: ['市应急管理局', '生产经营单位', '城市运行管理平台'],
	城市管理: ['市城市管理局', '市民、政府部门', '数字化城管系统、12345热线'],
	市场监管: ['市市场监督管理局', '市场主体', '智慧监管平台'],
	产业经济: [
		'市发展和改革委员会、市工业和信息化局',
		'企业',
		'产业服务平台',
		'产业发展与园区服务。'
	],
	智慧园区: ['示例经济技术开发区管委会', '园区企业', '园区服务平台'],
	数字经济: ['市工业和信息化局', '企业', '产业服务平台'],
	高端物流: ['市交通运输局、市商务局', '物流企业', '物流公共信息平台'],
	生态宜居: [
		'市生态环境局、市水务局',
		'市民',
		'生态环境监测平台',
		'生态环境与城市水系的监测和保护。'
	],
	城市水环境: ['市水务局', '市民、企业', '智慧水务平台'],
	生态多样性保护: ['市生态环境局、市林业局', '市民', '生态环境监测平台']
};

/** Table B.1 is an example; an inland city words some of its businesses differently. */
const RENAMED: Readonly<Record<string, string>> = { 海洋生态多样性: '河湖湿地生态保护' };

function businessTree(): DemoRow<'businessTree'>[] {
	const preset = presetRowsFor('8.1', 'businessTree', sequentialIds('demo-business')) ?? [];
	const rows: DemoRow<'businessTree'>[] = preset.map((node: BusinessNodeRow) => {
		const row = { ...node, name: RENAMED[node.name] ?? node.name };
		const details = BUSINESS_DETAILS[row.name];
		if (!details) return row;
		const [provider, audience, channel, description = ''] = details;
		return { ...row, provider, audience, channel, description };
	});
	// 示例市's own third-level services under 市民服务 and 城市管理.
	const parentOf = (name: string) => rows.find((r) => r.name === name)?.id ?? null;
	return [
		...rows,
		{
			id: 'demo-business-local-01',
			name: '社保服务',
			parent: parentOf('市民服务'),
			provider: '市人力资源和社会保障局',
			audience: '参保人员',
			channel: '“示例通”、社保自助终端'
		},
		{
			id: 'demo-business-local-02',
			name: '交通出行服务',
			parent: parentOf('市民服务'),
			provider: '市交通运输局',
			audience: '市民',
			channel: '“示例通”、公交电子站牌'
		},
		{
			id: 'demo-business-local-03',
			name: '城市内涝防治',
			parent: parentOf('城市管理'),
			provider: '市城市管理局、市水务局',
			audience: '市民',
			channel: '城市运行管理平台'
		}
	];
}

const tree = businessTree();

/** A business of the tree by name (the demo's data catalogue links to them). */
function business(...names: string[]): string[] {
	return names.map((name) => {
		const id = tree.find((r) => r.name === name)?.id;
		if (!id) throw new Error(`demo: no business ${name}`);
		return id;
	});
}

/** 8.2's 数据资源目录: the base and theme libraries' main resources, linked to 8.1 and 8.3. */
const dataCatalog: DemoRow<'dataCatalog'>[] = [
	{
		id: 'demo-data-01',
		name: '人口基础信息',
		provider: '市公安局、市民政局、市卫生健康委员会',
		consumers: '各政务服务部门',
		business: business('市民服务', '社保服务'),
		systems: [SYSTEM.exchange, SYSTEM.service, SYSTEM.identity],
		operations: '汇聚、比对、共享',
		sharing: 'conditional',
		protection: '个人信息按敏感程度分级，身份证号等字段脱敏共享，调用留痕可追溯。',
		frequency: '每日'
	},
	{
		id: 'demo-data-02',
		name: '法人基础信息',
		provider: '市市场监督管理局',
		consumers: '各政务服务部门、金融机构（经授权）',
		business: business('企业服务', '市场监管'),
		systems: [SYSTEM.exchange, SYSTEM.service],
		operations: '汇聚、共享、开放',
		sharing: 'unconditional',
		protection: '公示信息可开放，非公示字段按需有条件共享。',
		frequency: '实时'
	},
	{
		id: 'demo-data-03',
		name: '电子健康档案',
		provider: '市卫生健康委员会',
		consumers: '医疗机构、居民本人',
		business: business('市民服务'),
		systems: [SYSTEM.health, SYSTEM.identity],
		operations: '采集、存储、授权调阅',
		sharing: 'conditional',
		protection: '属敏感个人信息：本人授权后调阅，全程加密传输，访问日志留存不少于6个月。',
		frequency: '实时'
	},
	{
		id: 'demo-data-04',
		name: '城市部件与网格事件',
		provider: '市城市管理局',
		consumers: '市城市运行管理中心、各区街道',
		business: business('城市管理'),
		systems: [SYSTEM.grid, SYSTEM.brain],
		operations: '采集、分拨、共享',
		sharing: 'unconditional',
		protection: '涉及个人的上报信息脱敏后共享。',
		frequency: '实时'
	},
	{
		id: 'demo-data-05',
		name: '道路交通流量与信号配时',
		provider: '市公安局交通警察支队',
		consumers: '市交通运输局、市城市运行管理中心',
		business: business('交通出行服务'),
		systems: [SYSTEM.signals, SYSTEM.brain],
		operations: '采集、分析、共享',
		sharing: 'conditional',
		protection: '视频和号牌数据不出专网，仅共享统计结果。',
		frequency: '分钟级'
	},
	{
		id: 'demo-data-06',
		name: '易涝点水位与隐患点监测',
		provider: '市水务局、市自然资源和规划局',
		consumers: '市应急管理局、市城市管理局',
		business: business('城市内涝防治', '安全监管'),
		systems: [SYSTEM.brain, SYSTEM.video],
		operations: '采集、预警、共享',
		sharing: 'unconditional',
		protection: '监测点位坐标按重要数据管理，对外仅发布预警信息。',
		frequency: '分钟级'
	}
];

const section81: DemoSection = {
	clause: '8.1',
	author: 'dsj',
	body: [
		'依据附录B表B.1，结合示例市部门职能梳理形成三级业务架构：一级业务4项（民生服务、城市治理、产业经济、生态宜居），二级业务10项，三级业务30项。示例市地处内陆，表B.1中的“海洋生态多样性”调整为“河湖湿地生态保护”，并增设社保服务、交通出行服务和城市内涝防治3项三级业务。',
		'业务架构明确了各项业务的提供方、服务对象和服务渠道，是数据架构和应用架构设计的依据。'
	],
	blocks: { businessTree: tree }
};

const section82: DemoSection = {
	clause: '8.2',
	author: 'dsj',
	body: [
		'数据架构以“一数一源、一源多用”为原则，依托城市大脑数字中枢，统一汇聚、治理和共享全市公共数据。'
	],
	items: {
		'8.2.3.a': [
			'数据资源分为基础库、主题库和专题库三层：',
			'- 基础库：人口、法人、自然资源和空间地理、电子证照、社会信用；',
			'- 主题库：城市运行、医疗健康、交通出行、公共安全、生态环境等；',
			'- 专题库：按“一件事一次办”、城市运行事件处置等应用场景按需构建。'
		],
		'8.2.3.b': [
			'数据服务包括数据采集、清洗比对、存储、目录管理、共享交换、模型分析、可视化等，通过数据共享交换平台以接口、库表和文件三种方式提供，年均数据调用量目标1亿次以上。'
		],
		'8.2.3.c': [
			'成立由市大数据局牵头、各部门数据专员组成的数据治理工作组，建立首席数据官制度；按数据标准、数据质量、元数据、主数据、数据安全五个治理域，实施“发现问题—整改—复核”的闭环治理过程。'
		],
		'8.2.A1.data-standards': [
			'制定数据元、数据分类分级、数据质量评价、数据共享交换接口等数据标准，优先采用国家和省级标准。'
		]
	},
	blocks: { dataCatalog }
};

const systems: DemoRow<'systems'>[] = [
	{
		id: SYSTEM.service,
		name: '一体化政务服务平台',
		mode: 'rebuild',
		goal: '高频事项全程网办，支撑峰值10万并发。',
		content: '改建统一受理、“一件事一次办”、“好差评”、智能客服等模块，移动端整合至“示例通”。',
		functions: '统一受理、网上申报、电子证照调用、办件查询、评价。',
		owner: '示例市行政审批服务局',
		interfaces: [SYSTEM.exchange, SYSTEM.identity],
		interfaceNotes:
			'通过数据共享交换平台调用人口、法人和电子证照数据；通过统一身份认证实现单点登录；与省一体化政务服务平台对接。'
	},
	{
		id: SYSTEM.brain,
		name: '城市大脑运行管理平台',
		mode: 'new',
		goal: '城市运行体征一屏统览，事件统一分拨、闭环处置。',
		content: '新建城市运行体征监测、事件中心、指挥调度、AI能力中心和领导驾驶舱。',
		functions: '体征监测预警、事件智能分拨、联动指挥、督查考核。',
		owner: '示例市大数据局',
		interfaces: [SYSTEM.exchange, SYSTEM.grid, SYSTEM.signals, SYSTEM.video],
		interfaceNotes:
			'从数据共享交换平台获取各部门运行数据；接收网格系统上报事件并下派处置任务；调用视频图像共享平台和交通信号系统的实时数据。'
	},
	{
		id: SYSTEM.exchange,
		name: '数据共享交换平台',
		mode: 'rebuild',
		goal: '政务数据共享需求满足率达到95%。',
		content: '升级数据目录、共享交换、数据治理和数据安全模块，新建五大基础库。',
		functions: '目录管理、共享申请审批、接口服务、库表交换、数据质量检查。',
		owner: '示例市大数据局',
		interfaces: [SYSTEM.service, SYSTEM.brain, SYSTEM.health],
		interfaceNotes: '以RESTful接口和库表交换方式向各应用系统提供数据；与省级数据共享平台级联。'
	},
	{
		id: SYSTEM.grid,
		name: '基层社会治理网格化管理系统',
		mode: 'new',
		goal: '网格事件智能发现率达到50%。',
		content: '新建网格事件采集、基层报表“多表合一”、网格员移动端。',
		functions: '事件采集上报、任务接收、报表填报、考核统计。',
		owner: '中共示例市委政法委员会',
		interfaces: [SYSTEM.brain],
		interfaceNotes: '网格事件实时推送至城市大脑事件中心，处置结果回传网格员移动端。'
	},
	{
		id: SYSTEM.signals,
		name: '智慧交通信号控制系统',
		mode: 'new',
		goal: '主城区300个路口实现信号自适应控制。',
		content: '新建信号控制中心，改造路口信号机和检测器。',
		functions: '自适应配时、绿波协调、特勤优先、交通运行指数发布。',
		owner: '示例市公安局交通警察支队',
		interfaces: [SYSTEM.brain],
		interfaceNotes: '向城市大脑推送路口流量、拥堵指数和信号运行状态。'
	},
	{
		id: SYSTEM.video,
		name: '公共安全视频图像共享平台',
		mode: 'reuse',
		goal: '公共安全视频资源联网共享率达到100%。',
		content: '复用公安视频图像信息综合应用平台，扩展对城管、交通、应急等部门的共享。',
		functions: '视频汇聚、分级授权共享、智能解析。',
		owner: '示例市公安局',
		interfaces: [SYSTEM.brain],
		interfaceNotes: '按授权向城市大脑提供视频流和结构化解析结果，经边界安全接入平台交换。'
	},
	{
		id: SYSTEM.health,
		name: '区域全民健康信息平台',
		mode: 'rebuild',
		goal: '二级以上医疗机构检查检验结果互认率达到90%。',
		content: '升级居民电子健康档案、检查检验结果互认、预约诊疗等功能。',
		functions: '健康档案调阅、结果互认、预约挂号、双向转诊。',
		owner: '示例市卫生健康委员会',
		interfaces: [SYSTEM.exchange],
		interfaceNotes: '通过数据共享交换平台获取人口基础信息，共享出生、死亡等医学证明数据。'
	},
	{
		id: SYSTEM.identity,
		name: '统一身份认证系统',
		mode: 'reuse',
		goal: '全市政务应用统一身份认证。',
		content: '复用省统一身份认证平台，市级应用统一接入。',
		functions: '实名认证、单点登录、电子证照授权。',
		owner: '示例市大数据局',
		interfaces: [SYSTEM.service],
		interfaceNotes: '为一体化政务服务平台提供实名认证和单点登录服务。'
	}
];

const section83: DemoSection = {
	clause: '8.3',
	author: 'dsj',
	body: [
		'应用架构按“平台+应用”组织：城市大脑运行管理平台、数据共享交换平台和统一身份认证系统为共性平台，政务服务、基层治理、交通、公共安全、医疗等应用系统依托共性平台建设。'
	],
	blocks: { systems }
};

const INFRASTRUCTURE: Readonly<Record<string, [elements: string, approach: string]>> = {
	sensing: [
		'城市物联感知接入平台；防汛水位、窨井、燃气管网、环境质量、交通流量等感知设备约12万个。',
		'新建统一接入平台；各部门已建设备改造接入，新增设备按统一标准建设。'
	],
	network: [
		'电子政务外网（市、县、乡、村四级）、5G网络、千兆光网、NB-IoT物联网专网。',
		'政务外网扩容改造；公众网络由基础电信企业投资建设。'
	],
	compute: [
		'市级政务云主中心（8,000核、6PB）和同城灾备中心，城市智算中心（300P）。',
		'政务云在现有基础上扩容；智算中心购买服务。'
	],
	'data-service': [
		'数据共享交换平台、五大基础库、AI能力中心、统一身份认证、电子证照库和统一接口网关。',
		'数据共享交换平台改建；统一身份认证复用省级平台；AI能力中心和接口网关新建。'
	]
};

function infrastructure(): DemoRow<'architectureLayers'>[] {
	const preset = presetRowsFor('8.4', 'architectureLayers', sequentialIds('demo-layer84')) ?? [];
	return preset.map((row) => {
		const content = row.layer ? INFRASTRUCTURE[row.layer] : undefined;
		if (!content) throw new Error(`demo 8.4: no content for ${row.layer}`);
		return { ...row, elements: content[0], approach: content[1] };
	});
}

const section84: DemoSection = {
	clause: '8.4',
	author: 'dsj',
	body: [
		'基础设施架构坚持集约共享，全市只建一朵政务云、一张政务外网、一个物联感知接入平台，各部门不再新建机房和专网。'
	],
	blocks: { architectureLayers: infrastructure() }
};

const section85: DemoSection = {
	clause: '8.5',
	author: 'gaj',
	body: [
		'安全体系按照“同步规划、同步建设、同步运行”的要求，覆盖规则、技术和管理三个方面，满足网络安全等级保护2.0和关键信息基础设施安全保护要求。'
	],
	items: {
		'8.5.2': [
			'在政务云、政务外网互联网出口、数据共享交换平台和城市大脑部署边界防护、入侵检测、数据防泄漏和安全审计设备；建设市级网络安全态势感知平台，汇聚各节点安全日志，实现统一监测、通报和处置。'
		],
		'8.5.3.a': [
			'遵循《中华人民共和国网络安全法》《中华人民共和国数据安全法》《中华人民共和国个人信息保护法》及GB/T 22239-2019等；建议制定《示例市公共数据安全管理办法》和数据分类分级实施细则。'
		],
		'8.5.3.b': [
			'依据GB/T 34678-2017的ICT技术参考模型，分别对物联感知设备、网络通信、计算与存储、数据及服务融合和智慧应用采取身份认证、访问控制、加密传输、数据脱敏、漏洞管理等技术措施。'
		],
		'8.5.3.c': [
			'建立由市委网信办统筹、市大数据局和市公安局分工负责的安全管理机制，落实各部门安全主体责任；每年开展一次网络安全攻防演练和等级保护测评。'
		]
	}
};

const section87: DemoSection = {
	clause: '8.7',
	author: 'fgw',
	body: [
		'产业体系围绕“数字产业化、产业数字化”，以智慧城市建设带动本地数字产业发展。',
		'## 重点方向',
		'- 软件和信息技术服务：依托城市大脑等项目，培育本地平台运营和数据服务企业；',
		'- 智能装备制造：发展智能传感器、智能网联汽车零部件；',
		'- 工业互联网：推动规模以上工业企业数字化改造，建设行业级工业互联网平台。',
		'## 空间布局',
		'以示例经济技术开发区数字经济产业园为核心，布局软件园和智能制造产业园，形成“一核两园”的产业格局。'
	]
};

// 8.6 标准体系 is deliberately absent (gaps.ts).
export const CHAPTER_8: readonly DemoSection[] = [
	section81,
	section82,
	section83,
	section84,
	section85,
	section87
];
