import { describe, expect, it } from 'vitest';
import { Fragment, Slice } from 'prosemirror-model';
import { cleanPastedHtml, cleanPastedSlice } from './paste.ts';
import { schema } from './schema.ts';

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{font-family:宋体}</style></head><body>
<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<h1 style="mso-margin-top-alt:auto;font-family:黑体">一、发展现状</h1>
<p class="MsoNormal" style="text-indent:2em;font-family:仿宋;color:#333"><span lang="ZH-CN" style="font-size:16pt;mso-bidi-font-family:宋体">示例市<b>常住人口</b>达<span style="font-weight:bold">512万</span>人。<o:p></o:p></span></p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span style="font:7.0pt">&nbsp;&nbsp;</span></span>数字政府</p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>数字经济</p>
<p class="MsoNormal">其后正文</p>
<p class="MsoListParagraph" style="mso-list:l1 level1 lfo2"><span style="mso-list:Ignore">1.<span>&nbsp;</span></span>第一项</p>
<table class="MsoTableGrid" border="1" style="border-collapse:collapse"><tr><td colspan="2" style="width:100pt;mso-border-alt:solid"><p>指标</p></td></tr></table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
</body></html>`;

describe('cleanPastedHtml (Word / WPS)', () => {
	const clean = cleanPastedHtml(WORD);

	it('drops Office junk: conditional comments, xml, styles, namespaces, classes, fonts, colours', () => {
		expect(clean).not.toMatch(/mso-|Mso|<o:p|<xml|<style|font-family|color:|lang=|<w:/);
	});

	it('keeps headings, bold (tag or style) and the text', () => {
		expect(clean).toContain('<h1>一、发展现状</h1>');
		expect(clean).toContain('<b>常住人口</b>');
		expect(clean).toContain('style="font-weight:bold"');
		expect(clean).toContain('512万');
	});

	it('turns Word list paragraphs into real lists, bullets and numbers apart', () => {
		expect(clean).toContain('<ul><li><p>数字政府</p></li><li><p>数字经济</p></li></ul>');
		expect(clean).toContain('<ol><li><p>第一项</p></li></ol>');
		expect(clean).not.toContain('·');
		expect(clean).toContain('<p>其后正文</p>');
	});

	it('keeps tables with their spans but no presentational attributes', () => {
		expect(clean).toContain('<table><tr><td colspan="2"><p>指标</p></td></tr></table>');
	});

	it('drops empty paragraphs Word leaves behind', () => {
		expect(clean).not.toMatch(/<p>(\s|&nbsp;)*<\/p>/);
	});
});

describe('cleanPastedSlice', () => {
	it('drops control characters from every text node and keeps marks, nodes and open depths', () => {
		const bold = schema.marks.strong.create();
		const slice = new Slice(
			Fragment.from([
				schema.node('paragraph', null, [
					schema.text('第一行\u000b第二行'),
					schema.text('加粗\u0000', [bold])
				]),
				schema.node('paragraph', null, [schema.text('\u0007')])
			]),
			1,
			1
		);
		const clean = cleanPastedSlice(slice);
		expect(clean.openStart).toBe(1);
		expect(clean.openEnd).toBe(1);
		expect(clean.content.child(0).textContent).toBe('第一行第二行加粗');
		expect(clean.content.child(0).child(1).marks).toEqual([bold]);
		expect(clean.content.child(1).childCount).toBe(0);
	});
});
