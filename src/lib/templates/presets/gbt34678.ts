/**
 * The layers of the ICT reference model that GB/T 36333-2018 7.4.2, 8.4.2 and 8.5.3 b) attribute to
 * GB/T 34678-2017 chapter 7. The primary text of GB/T 34678 was not available to us: the names below
 * are as GB/T 36333 writes them, and the split into five layers plus three cross-cutting concerns is
 * our reading of 7.4.2's single list (outline.json marks it unverified). Users see it as a starting
 * point, never as GB/T 34678's wording.
 */
export const ARCHITECTURE_LAYERS = [
	{ value: 'application', label: '智慧应用层' },
	{ value: 'data-service', label: '数据及服务融合层' },
	{ value: 'compute', label: '计算与存储层' },
	{ value: 'network', label: '网络通信层' },
	{ value: 'sensing', label: '物联感知层' },
	{ value: 'construction-management', label: '建设管理' },
	{ value: 'security', label: '安全保障' },
	{ value: 'operations', label: '运维管理' },
	// A city may draw further layers (e.g. 标准规范); they are allowed, not suggested.
	{ value: 'other', label: '其他' }
] as const;
export type ArchitectureLayer = (typeof ARCHITECTURE_LAYERS)[number]['value'];

/** Perspectives 7.4.2 lists for the overall architecture, in the standard's order. */
export const OVERALL_PERSPECTIVES: readonly ArchitectureLayer[] = [
	'application',
	'data-service',
	'compute',
	'network',
	'sensing',
	'construction-management',
	'security',
	'operations'
];

/** The four infrastructure layers of 8.4.2 a)–d), with 8.4.2's own names for them. */
export const INFRASTRUCTURE_LAYERS: readonly { layer: ArchitectureLayer; name: string }[] = [
	{ layer: 'sensing', name: '物联感知层基础设施' },
	{ layer: 'network', name: '网络通信层基础设施' },
	{ layer: 'compute', name: '计算与存储层基础设施' },
	// 8.4.2 d) says 数据与服务融合层 where 7.4.2 says 数据及服务融合 (a defect of the standard).
	{ layer: 'data-service', name: '数据与服务融合层基础设施' }
];

export const GBT34678 = {
	code: 'GB/T 34678-2017',
	title: '智慧城市 技术参考模型',
	verified: false
} as const;
