/**
 * The export model as one self-contained, print-optimised HTML page: A4 @page rules, 仿宋/黑体/宋体/
 * 楷体 font stacks, page numbers in the page margin (Chromium's @page margin boxes) counted from the
 * first chapter, the cover and the table of contents on pages of their own. Viewed in a browser it is
 * a readable preview; headless Chromium turns it into the PDF (server/export/print-pdf.ts prints it
 * twice: the second time with the page numbers the first one put the headings on).
 *
 * Fonts: the official ones first; then open TrueType-outline fonts (AR PL UMing/UKai, WenQuanYi Zen
 * Hei — Debian's fonts-arphic-*, fonts-wqy-zenhei), which Chromium embeds as subset CID TrueType
 * fonts. Noto CJK is not named: it is CFF-outlined, and Chromium's PDF writer (Skia) can only draw
 * such glyphs as Type 3 fonts, which print shops and archives refuse. Nothing is synthesised bold
 * either (Skia draws fake-bold CJK as Type 3 too): emphasis is set in 黑体.
 */
import { escapeHtml } from '../escape-html.ts';
import { headingText } from './markdown.ts';
import { coverDate, versionLines, versionRunning } from './model.ts';
import { WORDS } from './vocabulary.ts';
import type {
	Block,
	ExportDocument,
	ExportSection,
	ImageBlock,
	Inline,
	TableBlock,
	TableCell,
	VerificationBlock
} from './types.ts';

interface Ctx {
	tables: number;
	figures: number;
	images: NonNullable<ExportDocument['images']>;
}

/**
 * Where the headings landed in a first printing: each TOC section's page in the PDF (1-based) and
 * the page the first chapter starts on. Without it the TOC keeps room for numbers it leaves blank.
 */
export interface PrintLayout {
	pages: Record<string, number>;
	firstPage: number;
}

/** A figure: the image inline as a data URI (the page is self-contained), its number and caption. */
function figure(b: ImageBlock, ctx: Ctx): string {
	const image = ctx.images[b.src];
	const img = image
		? `<img src="data:${image.mime};base64,${base64(image.bytes)}" alt="${escapeHtml(b.alt)}" style="width:${b.width}%">`
		: `<p class="empty">${escapeHtml(WORDS.imageMissing)}</p>`;
	const caption = [b.label, b.caption].filter(Boolean).join(WORDS.gap);
	return `<figure>${img}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

function inlines(list: readonly Inline[]): string {
	return list
		.map((inline) => {
			if ('break' in inline) return '<br>';
			let html = escapeHtml(inline.text);
			if (inline.bold) html = `<strong>${html}</strong>`;
			if (inline.italic) html = `<em>${html}</em>`;
			if (inline.underline) html = `<u>${html}</u>`;
			if (inline.href)
				html = `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer">${html}</a>`;
			return html;
		})
		.join('');
}

function cell(tag: 'td' | 'th', c: TableCell, ctx: Ctx): string {
	const attrs = [
		c.colspan ? ` colspan="${c.colspan}"` : '',
		c.rowspan ? ` rowspan="${c.rowspan}"` : '',
		c.numeric ? ' class="num"' : '',
		c.indent ? ` style="padding-left:${0.4 + c.indent}em"` : ''
	].join('');
	return `<${tag}${attrs}>${blocks(c.blocks, 0, ctx)}</${tag}>`;
}

function table(b: TableBlock, ctx: Ctx): string {
	// The caption and 单位 line are blocks before the table that avoid a page break after them, so
	// they are never left at the bottom of a page without their table.
	const caption = b.caption
		? `<p class="caption">${WORDS.table}${++ctx.tables}${WORDS.gap}${escapeHtml(b.caption)}</p>`
		: '';
	const sum = b.widths?.reduce((a, w) => a + w, 0) ?? 0;
	const cols = b.widths
		? `<colgroup>${b.widths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(1)}%">`).join('')}</colgroup>`
		: '';
	const head = b.header.length
		? `<thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
		: '';
	const rows = b.rows.map((r) => `<tr>${r.map((c) => cell('td', c, ctx)).join('')}</tr>`).join('');
	const foot = b.footer
		? `<tfoot><tr>${b.footer.map((c) => cell('td', c, ctx)).join('')}</tr></tfoot>`
		: '';
	const note = b.note ? `<p class="table-note">${escapeHtml(b.note)}</p>` : '';
	return `${caption}${note}<table>${cols}${head}<tbody>${rows}</tbody>${foot}</table>`;
}

function blocks(list: readonly Block[], level: number, ctx: Ctx): string {
	return list
		.map((b) => {
			switch (b.type) {
				case 'paragraph':
					return `<p>${inlines(b.inlines)}</p>`;
				case 'subheading': {
					const h = Math.min(6, level + b.depth);
					return `<h${h} class="sub">${inlines(b.inlines)}</h${h}>`;
				}
				case 'list': {
					const tag = b.ordered ? 'ol' : 'ul';
					const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
					return `<${tag}${start}>${b.items.map((item) => `<li>${blocks(item, level, ctx)}</li>`).join('')}</${tag}>`;
				}
				case 'quote':
					return `<blockquote>${blocks(b.children, level, ctx)}</blockquote>`;
				case 'table':
					return table(b, ctx);
				case 'diagram':
					// The SVG is built by src/lib/diagrams, which escapes every text it draws.
					return `<figure class="diagram">${b.svg}<figcaption>${escapeHtml(b.label ?? `${WORDS.figure}${++ctx.figures}`)}${WORDS.gap}${escapeHtml(b.caption)}</figcaption></figure>`;
				case 'empty':
					return `<p class="empty">${escapeHtml(b.text)}</p>`;
				case 'image':
					return figure(b, ctx);
			}
		})
		.join('\n');
}

function section(s: ExportSection, ctx: Ctx): string {
	const h = Math.min(6, s.level);
	const cls = s.level === 1 ? ' class="chapter"' : '';
	const stamp = (s.stamp ?? []).map((line) => `<p class="stamp">${escapeHtml(line)}</p>`).join('');
	return `<section id="${escapeHtml(s.id)}"${cls}><h${h}>${escapeHtml(headingText(s))}</h${h}>${stamp}\n${blocks(s.blocks, s.level, ctx)}\n${s.children.map((c) => section(c, ctx)).join('\n')}</section>`;
}

/** The sections the table of contents lists: chapters and appendices with their sections. */
export function tocSections(doc: ExportDocument): ExportSection[] {
	return [...doc.body, ...doc.appendices].flatMap((chapter) => [
		chapter,
		...chapter.children.filter((c) => c.level <= 2)
	]);
}

/** A page's number as printed: counted from the first chapter's page (1). */
function printedPage(page: number, layout: PrintLayout): number {
	return page - layout.firstPage + 1;
}

function toc(doc: ExportDocument, layout?: PrintLayout): string {
	const items = tocSections(doc).map((s) => {
		const page = layout?.pages[s.id];
		return `<li class="toc-${s.level}"><a href="#${escapeHtml(s.id)}"><span class="toc-text">${escapeHtml(headingText(s))}</span><span class="toc-leader"></span><span class="toc-page">${page && layout ? printedPage(page, layout) : ''}</span></a></li>`;
	});
	// Without a layout (the browser preview, the first printing) the numbers' room is kept and the
	// leaders are hidden: the same line breaks as the numbered printing, no dots to nowhere.
	return `<nav class="toc${layout ? '' : ' unnumbered'}"><h1>${WORDS.toc}</h1><ol>${items.join('')}</ol></nav>`;
}

/** The signed 验证信息 on a page of its own (not in the table of contents). */
function verificationHtml(block: VerificationBlock): string {
	const lines = block.lines
		.map(
			(l) =>
				`<dt>${escapeHtml(l.label)}：</dt><dd>${
					l.code
						? l.value
								.split('\n')
								.map((chunk) => `<code>${escapeHtml(chunk)}</code>`)
								.join('')
						: escapeHtml(l.value)
				}</dd>`
		)
		.join('');
	return `<section class="verification"><h1>${escapeHtml(block.title)}</h1><p class="note">${escapeHtml(block.note)}</p><dl>${lines}</dl></section>`;
}

const CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font: 14pt "Times New Roman", "Liberation Serif", serif; } }
@page cover { @bottom-center { content: none; } }
@page front { @bottom-center { content: none; } }
:root { --fang: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "AR PL UMing CN", serif;
  --hei: "SimHei", "黑体", "STHeiti", "WenQuanYi Zen Hei", sans-serif;
  --song: "SimSun", "宋体", "STSong", "AR PL UMing CN", serif;
  --kai: "KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "AR PL UKai CN", serif;
  --title: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "SimSun", "宋体", "AR PL UMing CN", serif; }
* { font-synthesis: none; }
strong { font-family: var(--hei); font-weight: normal; }
html { background: #eee; }
body { font: 16pt/28pt var(--fang); color: #000; max-width: 156mm; margin: 0 auto; padding: 20mm 25mm; background: #fff; }
@media print { html, body { background: none; } body { padding: 0; max-width: none; } .screen-only { display: none; } }
.cover { page: cover; text-align: center; break-after: page; padding-top: 50mm; }
.cover p { text-indent: 0; text-align: center; }
.cover h1 { font: 22pt/1.5 var(--title); margin: 0 0 10mm; }
.cover .edition { font: 16pt var(--kai); margin-bottom: 40mm; }
.cover dl { font-size: 16pt; line-height: 2; margin: 0; }
.cover dt { display: inline; font-family: var(--hei); } .cover dd { display: inline; margin: 0; }
.cover dd::after { content: ""; display: block; }
.cover .notice { color: #c00000; font: 14pt var(--kai); margin-top: 25mm; }
.toc { page: front; break-after: page; } .toc h1 { text-align: center; font: 22pt var(--hei); }
.toc ol { list-style: none; padding: 0; } .toc a { color: inherit; text-decoration: none; display: flex; align-items: baseline; }
.toc .toc-1 { font-family: var(--hei); } .toc .toc-2 { padding-left: 2em; }
.toc-text { flex: 0 1 auto; } .toc-leader { flex: 1 0 2em; margin: 0 0.3em; border-bottom: 1.5pt dotted #000; transform: translateY(-0.35em); }
.toc.unnumbered .toc-leader { visibility: hidden; }
.toc-page { flex: 0 0 2.5em; text-align: right; font-family: "Times New Roman", "Liberation Serif", serif; }
.stamp { text-align: center; text-indent: 0; font: 10.5pt/1.6 var(--kai); color: #404040; overflow-wrap: anywhere; }
.cover .hash { font: 10pt/1.6 "Times New Roman", var(--song); white-space: nowrap; margin-bottom: 0.3em; }
.cover.compilation { padding-top: 15mm; } .cover.compilation .edition { margin-bottom: 12mm; }
.cover.compilation dl { line-height: 1.6; }
.cover .hash-note { font: 9pt/1.5 var(--kai); color: #595959; margin-top: 8mm; }
.draft-mark { text-align: right; font: 9pt var(--song); color: #808080; }
@media print { .draft-mark { display: none; } }
h1, h2, h3, h4, h5, h6 { font-size: 16pt; line-height: 28pt; margin: 0.3em 0 0; font-weight: normal; break-after: avoid; }
section.chapter { break-before: page; } section.chapter > h1 { text-align: center; font: 18pt/28pt var(--hei); margin-bottom: 1em; }
h2 { font-family: var(--hei); text-indent: 2em; } h3 { font-family: var(--kai); text-indent: 2em; }
h4, h5, h6 { font-family: var(--fang); font-weight: bold; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
ul, ol { margin: 0; padding-left: 2em; } li > p { text-indent: 0; }
blockquote { margin: 0 0 0 2em; }
p.empty { color: #595959; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 0 0 0.5em; font: 10.5pt/1.5 var(--song); break-inside: auto; break-before: avoid; }
p.caption { font: 12pt/1.5 var(--hei); padding: 0.5em 0 0.3em; text-align: center; text-indent: 0; break-after: avoid; break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; text-align: left; }
th { font-family: var(--hei); font-weight: normal; background: #e7e6e6; text-align: center; }
td p, th p { text-indent: 0; text-align: inherit; } td.num { text-align: right; } td { overflow-wrap: anywhere; }
tr { break-inside: avoid; } thead { display: table-header-group; } tfoot td { font-family: var(--hei); }
.verification { break-before: page; } .verification h1 { text-align: center; font: 22pt var(--hei); margin-bottom: 1em; }
.verification .note { font: 10.5pt/1.6 var(--kai); text-indent: 0; margin-bottom: 1em; }
.verification dl { font: 10.5pt/1.6 var(--song); margin: 0; } .verification dt { font-family: var(--hei); margin-top: 0.4em; }
.verification dd { margin: 0 0 0 2em; overflow-wrap: anywhere; }
.verification code { font: 9pt/1.4 "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; font-variant-ligatures: none; display: block; }
figure.diagram { margin: 0.5em 0; text-align: center; break-inside: avoid; }
figure.diagram svg { max-width: 100%; height: auto; }
figure.diagram figcaption { font: 12pt/1.5 var(--hei); padding: 0.3em 0 0.5em; }
.table-note { text-align: right; font: 10.5pt/1.5 var(--song); text-indent: 0; break-after: avoid; break-inside: avoid; }
figure { margin: 0.5em 0; text-align: center; break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption { font: 12pt var(--hei); padding: 0.3em 0; text-align: center; break-before: avoid; }
`;

function cssString(text: string): string {
	return `"${text.replace(/["\\<>]/g, '')}"`;
}

/**
 * 草稿 (or a frozen version's label) in every printed page's top margin, not on the cover; under it,
 * for a frozen version, its whole hash. The top margin box has the page's full width (nothing else
 * is printed there); the bottom one shares it with the page number, and 64 hex digits do not fit.
 */
function runningPageCss(meta: ExportDocument['meta']): string {
	const running = versionRunning(meta);
	const header =
		meta.version.kind === 'draft' ? `${meta.title}${WORDS.gap}${WORDS.draft}` : running?.header;
	if (!header) return '';
	const content = running
		? `${cssString(header)} "\\A" ${cssString(running.footer)}`
		: cssString(header);
	return `@page { @top-right { content: ${content}; white-space: pre; text-align: right; font: 9pt/1.5 "Times New Roman", "Liberation Serif", "SimSun", "AR PL UMing CN", serif; color: #808080; } }
@page cover { @top-right { content: none; } }`;
}

/** Counts pages from the first chapter: the cover and the table of contents are not numbered. */
function pageCounterCss(layout?: PrintLayout): string {
	// Chromium ignores a value of counter-reset in @page but honours counter-increment's: the first
	// page counts 2 − firstPage instead of 1, so the first chapter's page is 1.
	return layout ? `@page :first { counter-increment: page ${2 - layout.firstPage}; }` : '';
}

export function renderPrintHtml(doc: ExportDocument, layout?: PrintLayout): string {
	const { meta } = doc;
	const ctx: Ctx = { tables: 0, figures: 0, images: doc.images ?? {} };
	const draft = meta.version.kind === 'draft';
	const title = escapeHtml(meta.title);
	const titleHtml = title.replace(/(（\d{4}—\d{4}年）)$/u, '<br>$1');
	const row = (label: string, value: string) => `<dt>${label}：</dt><dd>${escapeHtml(value)}</dd>`;
	const versions = versionLines(meta.version)
		.map(
			(v) =>
				`${row(v.label, v.value)}${v.hash ? `<dd class="hash">${WORDS.sha256}：${escapeHtml(v.hash)}</dd>` : ''}`
		)
		.join('');
	const edition =
		meta.version.kind === 'draft'
			? `·${WORDS.draft}`
			: meta.version.kind === 'compilation'
				? `·${meta.version.label}`
				: '';
	const cover = `<header class="cover${meta.version.kind === 'compilation' ? ' compilation' : ''}"><h1>${titleHtml}</h1>
<p class="edition">（${escapeHtml(meta.editionLabel)}${escapeHtml(edition)}）</p>
<dl>${row(WORDS.leadUnit, meta.leadUnit)}${row(WORDS.period, `${meta.periodStart}—${meta.periodEnd}年`)}${versions}${row(WORDS.date, coverDate(meta))}</dl>
${draft ? `<p class="notice">${WORDS.draftNotice}</p>` : ''}${meta.version.kind === 'compilation' ? `<p class="hash-note">${WORDS.compilationHashNote}</p>` : ''}</header>`;
	const running = versionRunning(meta);
	const mark = draft ? `${meta.title}${WORDS.gap}${WORDS.draft}` : running?.header;
	const content = [...doc.body, ...doc.appendices].map((s) => section(s, ctx)).join('\n');
	return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${CSS}${runningPageCss(meta)}${pageCounterCss(layout)}</style></head>
<body>${mark ? `<div class="draft-mark">${escapeHtml(mark)}</div>` : ''}
${cover}
${toc(doc, layout)}
<main>${content}</main>
${doc.verification ? verificationHtml(doc.verification) : ''}
</body></html>
`;
}
