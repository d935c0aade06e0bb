/**
 * What could be verified of GB/T 33356-2016 《新型智慧城市评价指标》 (outline.json
 * referenced_standards). The figures come from 《新型智慧城市评价指标（2016年）》, the notice
 * 发改办高技〔2016〕2476号 attached; that it matches the GB/T text is assumed (same id scheme, same first
 * indicator), not checked. Every id and weight says whether it was found: unfound values are `null`,
 * never guessed, and ids inferred from listing order are marked.
 */
export interface Level1Indicator {
	id: string;
	/** False where the id was inferred from listing order (outline.json writes `L2?`). */
	idVerified: boolean;
	name: string;
	weightPct: number;
	type: string;
}

export interface SubIndicator {
	id: string | null;
	name: string;
}

export interface Level2Indicator {
	parent: string;
	id: string | null;
	name: string;
	/** `null`: the weight was not found. */
	weightPct: number | null;
	subItems: readonly SubIndicator[];
}

export const GBT33356_2016 = {
	code: 'GB/T 33356-2016',
	title: '新型智慧城市评价指标',
	basis: '《新型智慧城市评价指标（2016年）》（发改办高技〔2016〕2476号附件）',
	/** Names, order and weights of the eight level-1 indicators were found in two sources; sum 100. */
	level1WeightsVerified: true,
	/** Only these level-2 indicators were found; the rest are deliberately left out. */
	level2Complete: false,
	supersededBy: 'GB/T 33356-2022',
	level1: [
		{ id: 'L1', idVerified: true, name: '惠民服务', weightPct: 37, type: '成效类' },
		{ id: 'L2', idVerified: false, name: '精准治理', weightPct: 9, type: '成效类' },
		{ id: 'L3', idVerified: false, name: '生态宜居', weightPct: 8, type: '成效类' },
		{ id: 'L4', idVerified: false, name: '智能设施', weightPct: 7, type: '引导性' },
		{ id: 'L5', idVerified: false, name: '信息资源', weightPct: 7, type: '引导性' },
		{ id: 'L6', idVerified: false, name: '网络安全', weightPct: 8, type: '引导性' },
		{ id: 'L7', idVerified: false, name: '改革创新', weightPct: 4, type: '引导性' },
		{
			id: 'L8',
			idVerified: false,
			name: '市民体验',
			weightPct: 20,
			type: '主观指标（市民体验问卷）'
		}
	] satisfies readonly Level1Indicator[],
	level2: [
		{
			parent: '惠民服务',
			id: 'L1P1',
			name: '政务服务',
			weightPct: 8,
			subItems: [
				{
					id: 'L1P1-A1',
					name: '以公民身份号码或法人和其他组织统一社会信用代码为唯一标识的电子证照使用率'
				},
				{ id: 'L1P1-A2', name: '一站式办理率' },
				{ id: 'L1P1-A3', name: '网上统一入口率' }
			]
		},
		{
			parent: '惠民服务',
			id: 'L1P2',
			name: '交通服务',
			weightPct: 3,
			subItems: [
				{ id: 'L1P2-A1', name: '城市交通运行指数发布情况' },
				{ id: 'L1P2-A2', name: '公共汽电车来车信息实时预报率' },
				{ id: 'L1P2-A3', name: '公共交通乘车电子支付使用率' }
			]
		},
		{
			parent: '惠民服务',
			id: 'L1P3',
			name: '社保服务',
			weightPct: 3,
			subItems: [
				{ id: 'L1P3-A1', name: '社保服务在线办理情况' },
				{ id: 'L1P3-A2', name: '街道(乡镇)社区(行政村)社保自助服务开通率' },
				{ id: 'L1P3-A3', name: '社保异地业务联网办理情况' }
			]
		},
		{
			parent: '惠民服务',
			id: 'L1P4',
			name: '医疗服务',
			weightPct: 3,
			subItems: [
				{ id: 'L1P4-A1', name: '二级以上医疗机构电子病历普及率' },
				{ id: 'L1P4-A2', name: '二级以上医疗机构预约诊疗率' },
				{ id: 'L1P4-A3', name: '二级以上医疗机构门诊健康档案调阅率' }
			]
		},
		{
			parent: '惠民服务',
			id: 'L1P5',
			name: '教育服务',
			weightPct: 3,
			subItems: [
				{ id: 'L1P5-A1', name: '学校多媒体教室普及率' },
				{ id: 'L1P5-A2', name: '师生网络学习空间覆盖率' },
				{ id: 'L1P5-A3', name: '学校无线网络覆盖率' }
			]
		},
		{
			parent: '惠民服务',
			id: 'L1P6',
			name: '就业服务',
			weightPct: 3,
			subItems: [
				{ id: 'L1P6-A1', name: '就业信息服务覆盖人群情况' },
				{ id: 'L1P6-A2', name: '就业服务在线办理情况' }
			]
		},
		{
			parent: '惠民服务',
			id: 'L1P7',
			name: '城市服务',
			weightPct: 7,
			subItems: [
				{ id: 'L1P7-A1', name: '移动互联网城市服务提供情况' },
				{ id: 'L1P7-A2', name: '移动互联网城市服务公众使用情况' },
				{ id: 'L1P7-A3', name: '一卡通应用情况' }
			]
		},
		{
			parent: '惠民服务',
			id: 'L1P8',
			name: '帮扶服务',
			weightPct: 5,
			// Its sub-item's name is cut off in the only source found; a truncated name is no indicator.
			subItems: []
		},
		{
			parent: '精准治理',
			id: null,
			name: '城市管理',
			weightPct: null,
			subItems: [
				{ id: null, name: '数字化城管情况' },
				{ id: null, name: '市政管网管线智能化监测管理率' },
				{ id: null, name: '综合管廊覆盖率' }
			]
		},
		{
			parent: '精准治理',
			id: null,
			name: '公共安全',
			weightPct: null,
			subItems: [
				{ id: null, name: '公共安全视频资源采集和覆盖情况' },
				{ id: null, name: '公共安全视频监控资源联网和共享程度' },
				{ id: null, name: '公共安全视频图像提升社会管理能力情况' }
			]
		}
	] satisfies readonly Level2Indicator[]
} as const;
