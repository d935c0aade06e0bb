/**
 * Figures through the export: numbered per chapter with cross-references resolved, in the print
 * HTML (data URI + caption), the Markdown zip (the file beside the text), and the DOCX (parsed back:
 * the picture in word/media at its size, its caption after it).
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoModelInput, demoSectionContents } from '../../export/fixtures.ts';
import { figuresOfDocument } from '../../export/figures.ts';
import { renderPrintHtml } from '../../export/html.ts';
import { buildExportModel, readSectionContent } from '../../export/model.ts';
import type { ImageAsset } from '../../export/types.ts';
import { getTemplate } from '../../templates/index.ts';
import { renderDocx } from '../export/docx.ts';
import { renderFile } from '../export/render.ts';
import { pngImage } from './fixtures.ts';

const png = pngImage(400, 200);
const hash = createHash('sha256').update(png).digest('hex');
const asset: ImageAsset = { hash, mime: 'image/png', width: 400, height: 200, bytes: png };

function figure(id: string, caption: string, width = 50): Y.XmlElement {
	const element = new Y.XmlElement('figure');
	element.setAttribute('id', id);
	element.setAttribute('src', hash);
	element.setAttribute('alt', `${caption}的示意`);
	element.setAttribute('caption', caption);
	element.setAttribute('width', width as unknown as string);
	return element;
}

function paragraphWithRef(text: string, target: string): Y.XmlElement {
	const p = new Y.XmlElement('paragraph');
	const ref = new Y.XmlElement('figure_ref');
	ref.setAttribute('target', target);
	p.insert(0, [new Y.XmlText(text), ref, new Y.XmlText('所示。')]);
	return p;
}

/** Section 6.3 with two figures and a reference to the second; 7.2 with one figure. */
function sectionStates(): Map<string, Y.Doc> {
	const a = new Y.Doc();
	a.getXmlFragment('body').insert(0, [
		figure('fig-a', '数据共享现状'),
		paragraphWithRef('共享交换体系如', 'fig-b'),
		figure('fig-b', '共享交换体系', 100)
	]);
	const b = new Y.Doc();
	b.getXmlFragment('body').insert(0, [figure('fig-c', '总体架构图')]);
	return new Map([
		['6.3', a],
		['7.2', b]
	]);
}

function input() {
	const docs = sectionStates();
	const sections = demoSectionContents().map((content) => {
		const doc = docs.get(content.clause);
		return doc ? readSectionContent(doc, getTemplate(content.clause)!) : content;
	});
	return { ...demoModelInput(sections), images: [asset] };
}

describe('figures in the export model', () => {
	it('numbers figures per chapter and resolves cross-references to the current number', () => {
		const doc = buildExportModel(input(), { edition: 'full', numbering: 'standard' });
		const labels = figuresOfDocument(doc).map((f) => `${f.label} ${f.caption}`);
		expect(labels).toEqual(['图 6-1 数据共享现状', '图 6-2 共享交换体系', '图 7-1 总体架构图']);
		const html = renderPrintHtml(doc);
		expect(html).toContain('共享交换体系如图 6-2所示。');
		expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}"`);
		expect(html).toContain('<figcaption>图 6-1\u3000数据共享现状</figcaption>');
		expect(html).toContain('style="width:50%"');
	});

	it('exports Markdown as a zip with the image files beside the text', async () => {
		const file = await renderFile(
			{
				...input(),
				sections: [...sectionStates()].map(([clause, doc]) => ({
					clause,
					state: Y.encodeStateAsUpdate(doc)
				}))
			},
			'md',
			{ edition: 'full', numbering: 'standard' }
		);
		expect(file.zip).toBe(true);
		const files = unzipSync(file.body as Uint8Array);
		expect(Buffer.from(files[`images/${hash}.png`]).equals(png)).toBe(true);
		const markdown = strFromU8(files[`${file.basename}.md`]);
		expect(markdown).toContain(`![数据共享现状的示意](images/${hash}.png)`);
		expect(markdown).toContain('**图 6-1\u3000数据共享现状**');
	});

	it('puts the picture in the DOCX at its size, with its caption after it', async () => {
		const doc = buildExportModel(input(), { edition: 'full', numbering: 'standard' });
		const files = unzipSync(await renderDocx(doc));
		const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
		expect(media.length).toBeGreaterThan(0);
		expect(media.some((name) => Buffer.from(files[name]).equals(png))).toBe(true);
		const xml = strFromU8(files['word/document.xml']);
		const text = xml.replace(/<[^>]+>/g, '');
		expect(text).toContain('图 6-1\u3000数据共享现状');
		expect(text).toContain('共享交换体系如图 6-2所示。');
		// 50% of the text width (156 mm ≈ 589.7 px at 96 dpi) in EMU (9525 per px), aspect 2:1.
		const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"/g)].map((m) => [
			Number(m[1]),
			Number(m[2])
		]);
		// The three figures, and the diagrams the demo blocks draw (all in later chapters).
		const diagrams = JSON.stringify(doc).match(/"type":"diagram"/g)?.length ?? 0;
		expect(extents.length).toBe(3 + diagrams);
		const [cx, cy] = extents[0];
		expect(Math.round(cx / 9525)).toBe(Math.round((589.7 * 50) / 100));
		expect(Math.round(cx / cy)).toBe(2);
		expect(xml.indexOf('数据共享现状的示意')).toBeGreaterThan(-1);
	}, 120_000); // the DOCX rasterises the demo's diagrams: seconds on a loaded machine

	it('prints a note where an image could not be read', () => {
		const doc = buildExportModel({ ...input(), images: [] }, { edition: 'full' });
		expect(renderPrintHtml(doc)).toContain('（图片缺失或校验未通过）');
	});
});
