/**
 * Table B.1 (Appendix B, informative): the example three-level business architecture. The 二级 → 三级
 * assignment is reliable; which 一级 each 二级 belongs to is not (the table's merged cells were lost
 * in the text), except 民生服务 = 市民服务 + 企业服务, which B.1.1 b) states. Names are as printed,
 * including the doubtful 用电生产管理 and the near-duplicate 城市给水/城市供水; the table's “…”
 * (the list is open) is not a node.
 */
export interface TableB1Level1 {
	name: string;
	/** How sure the grouping of its 二级 nodes under it is. */
	confidence: 'high' | 'medium';
	level2: readonly { name: string; level3: readonly string[] }[];
}

export const TABLE_B1: readonly TableB1Level1[] = [
	{
		name: '民生服务',
		confidence: 'high',
		level2: [
			{ name: '市民服务', level3: ['婚育服务', '教育服务', '医疗服务'] },
			{ name: '企业服务', level3: ['融资服务', '资金资助服务', '创业辅导'] }
		]
	},
	{
		name: '城市治理',
		confidence: 'medium',
		level2: [
			{ name: '安全监管', level3: ['危化品管理', '用电生产管理', '危险边坡管理'] },
			{ name: '城市管理', level3: ['环境卫生治理', '公园绿地管理', '森林防火管理'] },
			// Could equally belong to 产业经济; placed here because its services are regulatory.
			{ name: '市场监管', level3: ['食品安全管理', '药品安全管理', '医疗器械管理'] }
		]
	},
	{
		name: '产业经济',
		confidence: 'medium',
		level2: [
			{ name: '智慧园区', level3: ['基础设施服务', '物业服务'] },
			{ name: '数字经济', level3: ['“互联网+”经济', '共享经济', '数据交易'] },
			{ name: '高端物流', level3: ['供应商管理', '货运管理'] }
		]
	},
	{
		name: '生态宜居',
		confidence: 'medium',
		level2: [
			{ name: '城市水环境', level3: ['城市给水', '城市供水', '城市排水'] },
			{ name: '生态多样性保护', level3: ['海洋生态多样性', '陆地多样性'] }
		]
	}
];

/** B.1.1: what each level is divided by. */
export const BUSINESS_LEVEL_BASIS = ['城市功能', '对象、职能', '行业领域'] as const;
