import { describe, expect, it } from 'vitest';
import { DEMO_SECTIONS } from '../demo-content/index.ts';
import { TEMPLATES } from '../templates/index.ts';
import { demoModelInput, scaleContents, demoSectionContents } from './fixtures.ts';
import {
	buildExportModel,
	coverDate,
	splitItemLabel,
	versionLines,
	versionRunning,
	walkSections
} from './model.ts';
import { blocksText } from './prose.ts';
import type { ActivityStamp, TableBlock, VersionStamp } from './types.ts';
import { chineseNumber, planNumber } from './vocabulary.ts';

const input = demoModelInput();

function tables(doc: ReturnType<typeof buildExportModel>): TableBlock[] {
	return walkSections(doc).flatMap((s) =>
		s.blocks.filter((b): b is TableBlock => b.type === 'table')
	);
}

describe('numbering', () => {
	it('writes Chinese numerals as official documents do', () => {
		expect([1, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十三']);
		expect(planNumber(1, 2, true)).toBe('第二章');
		expect(planNumber(2, 3, true)).toBe('三、');
		expect(planNumber(3, 1, true)).toBe('（一）');
		expect(planNumber(1, 4, false)).toBe('四、');
	});

	it('splits the standard’s item labels into number and title', () => {
		expect(splitItemLabel('6.1.2.1 战略定位')).toEqual({ number: '6.1.2.1', title: '战略定位' });
		expect(splitItemLabel('a）目标分析')).toEqual({ number: 'a）', title: '目标分析' });
		expect(splitItemLabel('考核保障措施（表A.1）')).toEqual({ number: '', title: '考核保障措施' });
	});
});

describe('full report', () => {
	const doc = buildExportModel(input, { edition: 'full' });

	it('has the four activities as chapters and every section in the standard’s order', () => {
		expect(doc.body.map((c) => `${c.number} ${c.title}`)).toEqual([
			'第一章 需求分析',
			'第二章 总体设计',
			'第三章 架构设计',
			'第四章 实施路径规划'
		]);
		expect(doc.body.flatMap((c) => c.children.map((s) => s.clause))).toEqual(
			TEMPLATES.map((t) => t.clause)
		);
		expect(doc.body[0].children[0].number).toBe('一、');
		expect(doc.body[0].children[0].children[0]).toMatchObject({
			number: '（一）',
			title: '战略定位'
		});
	});

	it('says so where a section is empty (8.6 in the demo)', () => {
		const s86 = walkSections(doc).find((s) => s.clause === '8.6' && s.level === 2);
		expect(s86?.blocks).toEqual([{ type: 'empty', text: '本节暂无内容。' }]);
	});

	it('keeps every written prose paragraph', () => {
		const all = walkSections(doc)
			.map((s) => blocksText(s.blocks))
			.join('\n');
		for (const section of DEMO_SECTIONS)
			for (const line of [...(section.body ?? []), ...Object.values(section.items ?? {}).flat()])
				expect(all).toContain(line.replace(/^(#+|-|\d+\.) /, ''));
	});

	it('renders key projects with names, resolved references and a budget total', () => {
		const projects = tables(doc).find((t) => t.caption === '重点工程')!;
		const rows = DEMO_SECTIONS.find((s) => s.clause === '9.1')!.blocks!.keyProjects!;
		expect(projects.rows.map((r) => blocksText(r[1].blocks))).toEqual(rows.map((r) => r.name));
		const total = rows.reduce((a, r) => a + (r.budget ?? 0), 0);
		expect(blocksText(projects.footer![1].blocks)).toBe(total.toLocaleString('en-US'));
		expect(projects.header).toContain('资金估算（万元）');
		const operating = tables(doc).find((t) => t.caption === '运营模式')!;
		expect(blocksText(operating.rows[0][1].blocks)).toBe(rows[0].name);
	});

	it('lays the business architecture out as an indented three-level table', () => {
		const tree = tables(doc).find((t) => t.header[0] === '一级业务')!;
		expect(tree.header.slice(0, 3)).toEqual(['一级业务', '二级业务', '三级业务']);
		const levels = tree.rows.map((r) => r.slice(0, 3).findIndex((c) => c.blocks.length > 0));
		expect(levels[0]).toBe(0);
		expect(new Set(levels)).toEqual(new Set([0, 1, 2]));
	});

	it('appends the sign-off record and each round’s 意见采纳情况说明', () => {
		expect(doc.appendices.map((a) => `${a.number} ${a.title}`)).toEqual([
			'附录A 签署记录',
			'附录B 意见采纳情况说明'
		]);
		const signoff = doc.appendices[0].blocks[0] as TableBlock;
		expect(blocksText(signoff.rows[0][0].blocks)).toBe('王市长');
		expect(doc.appendices[1].children[0].title).toBe('第一轮公开征求意见');
	});

	it('says 暂无 when the source supplies no records', () => {
		const empty = buildExportModel(
			{ ...input, signoffs: [], consultations: [] },
			{ edition: 'full' }
		);
		expect(empty.appendices[0].blocks).toEqual([{ type: 'empty', text: '暂无签署记录。' }]);
		expect(empty.appendices[1].blocks).toEqual([{ type: 'empty', text: '暂无征求意见记录。' }]);
	});

	it('can number headings with the standard’s clauses instead', () => {
		const standard = buildExportModel(input, { edition: 'full', numbering: 'standard' });
		expect(standard.body[0].number).toBe('6');
		expect(standard.body[0].children[0].number).toBe('6.1');
		expect(standard.body[0].children[0].children[0].number).toBe('6.1.2.1');
	});
});

describe('publication edition', () => {
	const doc = buildExportModel(input, { edition: 'publication' });

	it('has the parts cities publish, with 总体要求 in its usual order', () => {
		expect(doc.body.map((p) => `${p.number}${p.title}`)).toEqual([
			'一、规划背景',
			'二、总体要求',
			'三、重点任务',
			'四、保障措施'
		]);
		expect(doc.body[1].children.map((s) => s.title)).toEqual([
			'指导思想',
			'基本原则',
			'发展目标',
			'总体架构'
		]);
		expect(doc.body[3].children.map((s) => s.title)).toContain('组织保障');
	});

	it('puts the big tables in annexes and leaves out the internal records', () => {
		expect(doc.appendices.map((a) => `${a.number} ${a.title}`)).toEqual([
			'附件1 主要目标指标',
			'附件2 重点工程一览表',
			'附件3 实施阶段安排',
			'附件4 业务架构',
			'附件5 投资估算与资金筹措',
			'附件6 财政承受能力'
		]);
	});
});

describe('scaling', () => {
	it('repeats rows and prose for the benchmark', () => {
		const ten = scaleContents(demoSectionContents(), 10);
		const doc = buildExportModel({ ...input, sections: ten }, { edition: 'full' });
		const projects = tables(doc).find((t) => t.caption === '重点工程')!;
		expect(projects.rows).toHaveLength(100);
	});
});

describe('frozen versions', () => {
	const hash = 'cd'.repeat(32);
	const stamp = (activity: string, chapter: string, title: string, h: string | null) =>
		({
			activity,
			chapter,
			title,
			label: h ? '定稿（第4版）' : '未定稿',
			hash: h
		}) satisfies ActivityStamp;
	const single: VersionStamp = {
		kind: 'version',
		label: '需求分析·定稿（第4版）',
		hash,
		at: '2026-04-30T06:30:00.000Z',
		activities: [stamp('requirements', '6', '需求分析', hash)]
	};
	const compilation: VersionStamp = {
		kind: 'compilation',
		label: '定稿汇编',
		hash: 'ef'.repeat(32),
		at: input.date,
		activities: [
			stamp('requirements', '6', '需求分析', hash),
			stamp('overall', '7', '总体设计', null),
			stamp('architecture', '8', '架构设计', null),
			stamp('roadmap', '9', '实施路径规划', null)
		]
	};

	it('exports a single version as its activity’s chapter, stamped with its hash', () => {
		const doc = buildExportModel({ ...input, version: single }, { edition: 'full' });
		expect(doc.body.map((c) => `${c.number} ${c.title}`)).toEqual(['第一章 需求分析']);
		expect(doc.body[0].stamp).toEqual(['本章版本：定稿（第4版）', `版本摘要：${hash}`]);
		expect(versionLines(single)).toEqual([
			{ label: '版本', value: '需求分析·定稿（第4版）', hash }
		]);
		// The cover is dated the day the version was frozen, not the day of the download.
		expect(coverDate(doc.meta)).toBe('2026年4月30日');
		expect(coverDate(buildExportModel(input, { edition: 'full' }).meta)).toBe('2026年5月3日');
		expect(versionRunning(doc.meta)).toEqual({
			header: '示例市智慧城市顶层设计（2026—2030年）　需求分析·定稿（第4版）',
			footer: `版本摘要：${hash}`
		});
	});

	it('marks activities without a 定稿 in a compilation instead of showing their draft', () => {
		const doc = buildExportModel({ ...input, version: compilation }, { edition: 'full' });
		expect(doc.body).toHaveLength(4);
		expect(doc.body[1].children).toEqual([]);
		expect(doc.body[1].blocks).toEqual([{ type: 'empty', text: '本章尚未定稿，未收入本汇编。' }]);
		expect(doc.body[1].stamp).toEqual(['本章版本：未定稿']);
		expect(versionLines(compilation).map((l) => l.label)).toEqual([
			'版本',
			'需求分析',
			'总体设计',
			'架构设计',
			'实施路径规划',
			'汇编摘要'
		]);
		expect(versionRunning(doc.meta)?.footer).toBe(`汇编摘要：${'ef'.repeat(32)}`);
		expect(versionRunning(buildExportModel(input, { edition: 'full' }).meta)).toBeNull();
	});

	it('groups sign-off records by activity, in the order given', () => {
		const record = (name: string, activity: string) => ({
			name,
			role: '审核人',
			organization: '发改委',
			time: '2026-04-30T06:30:00.000Z',
			decision: '会签同意',
			versionHash: hash,
			subject: '送审稿（第2版）',
			activity
		});
		const doc = buildExportModel(
			{
				...input,
				signoffs: [record('甲', '需求分析'), record('乙', '需求分析'), record('丙', '总体设计')]
			},
			{ edition: 'full' }
		);
		const signoff = doc.appendices[0];
		expect(signoff.blocks).toEqual([]);
		expect(signoff.children.map((c) => `${c.number}${c.title}`)).toEqual([
			'（一）需求分析',
			'（二）总体设计'
		]);
		const first = signoff.children[0].blocks[0] as TableBlock;
		expect(first.caption).toBe('需求分析签署记录');
		expect(first.rows.map((r) => blocksText(r[0].blocks))).toEqual(['甲', '乙']);
		expect(blocksText(first.rows[0][6].blocks).replace(/\s/g, '')).toBe(hash);
	});
});

describe('unreadable block rows', () => {
	it('leaves a row that is not a Y.Map out of its table and says so, keeping the others', async () => {
		const Y = await import('yjs');
		const { appendRows, blockRows } = await import('../collab/section-doc.ts');
		const { readSectionContent } = await import('./model.ts');
		const template = TEMPLATES.find((t) => t.clause === '8.3')!;
		const doc = new Y.Doc();
		appendRows(doc, 'systems', [{ name: '城市大脑' }, { name: '一网通办' }]);
		blockRows(doc, 'systems').insert(1, [new Y.Text('坏') as never, null as never]);
		const content = readSectionContent(doc, template);
		expect(content.blocks.systems?.map((r) => r.name)).toEqual(['城市大脑', '一网通办']);
		expect(content.badRows).toEqual({ systems: [2, 3] });
		const sections = demoSectionContents().map((s) => (s.clause === '8.3' ? content : s));
		const model = buildExportModel(demoModelInput(sections), { edition: 'full' });
		const notes = walkSections(model).flatMap((s) => s.blocks.filter((b) => b.type === 'empty'));
		expect(notes.map((b) => (b as { text: string }).text)).toContain(
			'第2、3行数据无法读取，未列入本表。'
		);
		expect(
			tables(model).some((t) => t.rows.some((r) => blocksText(r[1].blocks) === '城市大脑'))
		).toBe(true);
	});
});
