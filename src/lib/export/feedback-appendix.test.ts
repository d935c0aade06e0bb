import { describe, expect, it } from 'vitest';
import { demoModelInput } from './fixtures.ts';
import { buildExportModel } from './model.ts';
import { blocksText } from './prose.ts';
import type { FeedbackRecord, TableBlock } from './types.ts';

const hash = 'a'.repeat(64);
const signoff = {
	name: '王市长',
	role: '审批领导',
	organization: '市政府办公室',
	time: '2026-04-30T06:30:00.000Z',
	decision: '批准',
	versionHash: hash,
	subject: '报批稿（第2版）',
	activity: '需求分析'
};
const feedback: FeedbackRecord = {
	activity: '需求分析',
	from: '赵国平（发改委）\n来自总体设计',
	time: '2026-05-06T02:00:00.000Z',
	where: '6.3 智慧城市现状评估\n“指标体系”',
	text: '缺少数据来源。',
	decision: '不采纳',
	answer: '已在附表列明。'
};

describe('5.1.3 feedback in the sign-off appendix', () => {
	it('follows the activity’s sign-off records as a table of its own, with the answer', () => {
		const doc = buildExportModel(
			{ ...demoModelInput(), signoffs: [signoff], feedback: [feedback] },
			{ edition: 'full' }
		);
		const appendix = doc.appendices[0];
		expect(appendix.children.map((c) => c.title)).toEqual(['需求分析']);
		const [records, table] = appendix.children[0].blocks as TableBlock[];
		expect(records.caption).toBe('需求分析签署记录');
		expect(table.caption).toBe('需求分析定稿的检验与反馈（5.1.3）');
		expect(table.header).toEqual(['反馈人', '时间', '章节与位置', '反馈意见', '处理结果', '答复']);
		const cells = table.rows[0].map((c) => blocksText(c.blocks));
		expect(cells[0]).toContain('来自总体设计');
		expect(cells[1].replace(/\s/g, '')).toBe('2026年5月6日10:00');
		expect(cells.slice(3)).toEqual(['缺少数据来源。', '不采纳', '已在附表列明。']);
	});

	it('leaves the table out when there is no feedback, and prints it without sign-offs', () => {
		const none = buildExportModel(
			{ ...demoModelInput(), signoffs: [signoff], feedback: [] },
			{ edition: 'full' }
		);
		expect(none.appendices[0].children[0].blocks).toHaveLength(1);
		const only = buildExportModel(
			{ ...demoModelInput(), signoffs: [], feedback: [feedback] },
			{ edition: 'full' }
		);
		const blocks = only.appendices[0].children[0].blocks as TableBlock[];
		expect(blocks.map((b) => b.caption)).toEqual(['需求分析定稿的检验与反馈（5.1.3）']);
	});
});
