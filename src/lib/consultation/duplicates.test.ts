import { describe, expect, it } from 'vitest';
import {
	nearDuplicateGroups,
	signatureBytes,
	signatureFromBytes,
	signatureOf
} from './duplicates.ts';

describe('near-duplicate opinions', () => {
	// Similarities here are ≥ 0.89, far above the 0.7 threshold, so MinHash's hash functions
	// cannot move them below it (the estimate's spread at 64 hashes is about 0.04).
	it('groups texts that differ in a few characters and leaves different ones alone', () => {
		const campaign =
			'强烈建议在东城街道建设一座社区养老服务中心，解决老年人就近养老的问题，方便居民。';
		const items = [
			{ key: 1, text: campaign },
			{ key: 2, text: campaign.replace('强烈', '') },
			{ key: 3, text: `${campaign}谢谢！` },
			{
				key: 4,
				text: '建议公开数据共享平台的接口目录和调用说明，方便本地企业开发应用，并定期更新目录。'
			},
			{ key: 5, text: '平台建设要注意网络安全等级保护的要求。' },
			{
				key: 6,
				text: '建议公开数据共享平台的接口目录和调用说明，方便本地企业开发应用，并及时更新目录。'
			}
		];
		const groups = nearDuplicateGroups(items).map((g) => [...g].sort());
		expect(groups).toContainEqual([1, 2, 3]);
		expect(groups).toContainEqual([4, 6]);
		expect(groups.flat()).not.toContain(5);
	});

	it('signs the same text the same way every time, so stored signatures compare after a restart', () => {
		const text = '建议公开数据共享平台的接口目录和调用说明。';
		const signature = signatureOf(text);
		expect(signature).toHaveLength(64);
		expect(signatureOf(text)).toEqual(signature);
		expect(signatureFromBytes(signatureBytes(signature))).toEqual(signature);
		expect(signatureOf('，。！')).toHaveLength(0);
	});
});
