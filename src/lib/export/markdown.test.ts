import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoModelInput } from './fixtures.ts';
import { escapeMarkdown, renderMarkdown } from './markdown.ts';
import { buildExportModel } from './model.ts';
import { proseBlocks } from './prose.ts';
import { demoProseLines, markdownText } from '../../../tests/helpers/markdown.ts';

describe('markdown', () => {
	const markdown = renderMarkdown(buildExportModel(demoModelInput(), { edition: 'full' }));

	it('round-trips every section’s prose text', () => {
		const text = markdownText(markdown);
		for (const { where, line } of demoProseLines()) expect(text, where).toContain(line);
	});

	it('has the cover, chapters, key project table and records', () => {
		expect(markdown.startsWith('# 示例市智慧城市顶层设计（2026—2030年）\n')).toBe(true);
		expect(markdown).toContain('## 第一章 需求分析');
		expect(markdown).toContain('### 一、城市发展战略与目标分析');
		expect(markdown).toContain('| 序号 | 工程名称 | 建设内容及规模 |');
		expect(markdown).toContain('## 附录A 签署记录');
		expect(markdown).toContain('草稿');
	});

	it('escapes what Markdown would read as syntax', () => {
		expect(escapeMarkdown('# 不是标题')).toBe('\\# 不是标题');
		expect(escapeMarkdown('1. 不是列表')).toBe('1\\. 不是列表');
		expect(escapeMarkdown('a*b_c|d')).toBe('a\\*b\\_c\\|d');
	});

	it('keeps marks, links and hard breaks of the editor', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('body');
		const p = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		text.insert(0, '加粗', { strong: {} });
		text.insert(2, '链接', { link: { href: 'https://example.org/' } });
		text.insert(4, '恶意', { link: { href: 'javascript:alert(1)' } });
		p.insert(0, [text, new Y.XmlElement('hard_break'), new Y.XmlText('下一行')]);
		fragment.insert(0, [p]);
		const blocks = proseBlocks(fragment);
		expect(blocks).toEqual([
			{
				type: 'paragraph',
				inlines: [
					{ text: '加粗', bold: true },
					{ text: '链接', href: 'https://example.org/' },
					{ text: '恶意' },
					{ break: true },
					{ text: '下一行' }
				]
			}
		]);
	});
});
