/**
 * Enum options shared by several blocks. Values are stored in documents: never change one; labels
 * may change.
 */
export const PRIORITIES = [
	{ value: 'high', label: '高' },
	{ value: 'medium', label: '中' },
	{ value: 'low', label: '低' }
] as const;

/** 4.1.4: 政府、企业、居民等多元主体. */
export const STAKEHOLDERS = [
	{ value: 'government', label: '政府' },
	{ value: 'enterprise', label: '企业' },
	{ value: 'resident', label: '居民' },
	{ value: 'other', label: '其他' }
] as const;
