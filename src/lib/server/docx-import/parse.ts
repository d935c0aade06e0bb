/**
 * A .docx's WordprocessingML → ProseMirror JSON for Lantu's schema (src/lib/editor/schema.ts):
 * paragraphs, headings (by style or outline level, kept relative: the shallowest becomes level 1),
 * bullet and numbered lists (nested by level), tables with merged cells (gridSpan → colspan,
 * vMerge → rowspan), bold/italic/underline, links and line breaks. Word's tracked changes become the
 * suggestion marks of the editor (`insertion` / `deletion`) with their Word author and date;
 * adjacent revisions by the same author at the same time are one suggestion, as Lantu's own export
 * writes one suggestion as several runs. Word's format revisions (`w:rPrChange`: bold, italic,
 * underline) and paragraph-style revisions (`w:pPrChange`: body text ↔ heading, heading level)
 * become Lantu's format suggestions (`format_change`, src/lib/suggestions/format-mark.ts) the same
 * way. Word comments are kept with the text they cover.
 * Footnotes: Lantu's prose has no footnote, so a reference becomes its number in circled digits
 * (①, as 公文 注释 are numbered) after the words, and the note's text a paragraph 「注①：…」 right after
 * the paragraph, table or list that refers to it — near its words, as on Word's page, and in the
 * same section when a whole plan is split by headings. Endnotes are kept the same way, numbered
 * in one sequence with the footnotes: at the end of a whole plan they would land in its last
 * section, far from the words they explain.
 *
 * Read directly rather than through an HTML converter: the revisions, their authors and the
 * comments' ranges are in the XML, and one reader keeps them in step with the content.
 */
import type { XNode } from './xml.ts';
import { child, children, isOn, parseXml, path, textOf } from './xml.ts';
import type { DocxParts } from './archive.ts';

export interface PMMark {
	type: string;
	attrs?: Record<string, unknown>;
}
export interface PMNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: PMNode[];
	text?: string;
	marks?: PMMark[];
}

export interface ImportedRevision {
	/** `format`: a run's formatting or a paragraph's style changed (w:rPrChange / w:pPrChange). */
	kind: 'insert' | 'delete' | 'format';
	author: string;
	/** ISO time, when Word recorded one. */
	date?: string;
}

export interface ImportedComment {
	author: string;
	date?: string;
	text: string;
	/**
	 * Where the commented words start and end, counted in characters of the imported content in
	 * document order (a line break counts one), the way apply.ts walks the inserted nodes.
	 */
	from: number;
	to: number;
}

export interface ParsedDocx {
	/**
	 * Top-level blocks; revision marks carry local ids (keys of `revisions`). A picture is a
	 * `figure` whose `src` is `media:<part name>` until apply.ts has checked and stored it.
	 */
	blocks: PMNode[];
	/** The pictures the figures name, by part name (bytes as in the file). */
	media: Map<string, Uint8Array>;
	revisions: Map<number, ImportedRevision>;
	comments: ImportedComment[];
	headings: { level: number; text: string }[];
}

interface Styles {
	/** styleId → heading level (1-based), for heading styles. */
	headings: Map<string, number>;
	/** styleId → numbering carried by the style. */
	numbering: Map<string, { numId: string; ilvl: number }>;
}

interface Numbering {
	/** numId → level → { ordered, start }. */
	levels: Map<string, Map<number, { ordered: boolean; start: number }>>;
}

const HEADING_NAME = /^(?:heading|标题)\s*(\d)$/i;

function readStyles(xml: string | undefined): Styles {
	const styles: Styles = { headings: new Map(), numbering: new Map() };
	if (!xml) return styles;
	const root = parseXml(xml).find((n) => n.name === 'w:styles');
	for (const style of children(root, 'w:style')) {
		const id = style.attrs['w:styleId'];
		if (!id) continue;
		const name = path(style, 'w:name')?.attrs['w:val'] ?? '';
		const outline = path(style, 'w:pPr', 'w:outlineLvl')?.attrs['w:val'];
		const byName = HEADING_NAME.exec(name.trim()) ?? HEADING_NAME.exec(id);
		if (byName) styles.headings.set(id, Number(byName[1]));
		else if (name.trim().toLowerCase() === 'title') styles.headings.set(id, 1);
		else if (outline !== undefined && Number(outline) < 9)
			styles.headings.set(id, Number(outline) + 1);
		const numPr = path(style, 'w:pPr', 'w:numPr');
		const numId = path(numPr, 'w:numId')?.attrs['w:val'];
		if (numId && numId !== '0')
			styles.numbering.set(id, {
				numId,
				ilvl: Number(path(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0) || 0
			});
	}
	return styles;
}

function readNumbering(xml: string | undefined): Numbering {
	const numbering: Numbering = { levels: new Map() };
	if (!xml) return numbering;
	const root = parseXml(xml).find((n) => n.name === 'w:numbering');
	const abstract = new Map<string, Map<number, { ordered: boolean; start: number }>>();
	for (const a of children(root, 'w:abstractNum')) {
		const levels = new Map<number, { ordered: boolean; start: number }>();
		for (const lvl of children(a, 'w:lvl')) {
			const format = path(lvl, 'w:numFmt')?.attrs['w:val'] ?? 'decimal';
			levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), {
				ordered: format !== 'bullet' && format !== 'none',
				start: Number(path(lvl, 'w:start')?.attrs['w:val'] ?? 1) || 1
			});
		}
		abstract.set(a.attrs['w:abstractNumId'] ?? '', levels);
	}
	for (const num of children(root, 'w:num')) {
		const levels = abstract.get(path(num, 'w:abstractNumId')?.attrs['w:val'] ?? '');
		if (levels) numbering.levels.set(num.attrs['w:numId'] ?? '', levels);
	}
	return numbering;
}

/** The document's relationships: external links, and its pictures (as part names). */
function readRelationships(xml: string | undefined): {
	links: Map<string, string>;
	images: Map<string, string>;
} {
	const links = new Map<string, string>();
	const images = new Map<string, string>();
	if (!xml) return { links, images };
	const root = parseXml(xml).find((n) => n.name === 'Relationships');
	for (const rel of children(root, 'Relationship')) {
		const { Id: id, Target: target, Type: type, TargetMode: mode } = rel.attrs;
		if (!id || !target) continue;
		if (mode === 'External') links.set(id, target);
		else if (type?.endsWith('/image'))
			images.set(id, target.startsWith('/') ? target.slice(1) : `word/${target}`);
	}
	return { links, images };
}

export const MEDIA_SRC = 'media:';

/** The first descendant named `name` (a picture's blip and description sit deep in its drawing). */
function find(node: XNode, name: string): XNode | undefined {
	for (const c of node.children) {
		if (c.name === name) return c;
		const deeper = find(c, name);
		if (deeper) return deeper;
	}
	return undefined;
}

function readComments(
	xml: string | undefined
): Map<string, { author: string; date?: string; text: string }> {
	const comments = new Map<string, { author: string; date?: string; text: string }>();
	if (!xml) return comments;
	const root = parseXml(xml).find((n) => n.name === 'w:comments');
	for (const c of children(root, 'w:comment')) {
		const text = children(c, 'w:p')
			.map((p) => paragraphPlainText(p))
			.join('\n')
			.trim();
		comments.set(c.attrs['w:id'] ?? '', {
			author: c.attrs['w:author'] ?? '',
			date: isoDate(c.attrs['w:date']),
			text
		});
	}
	return comments;
}

/** Footnote (or endnote: `w:endnotes`/`w:endnote`) texts by id (Word's separator notes left out). */
function readNotes(
	xml: string | undefined,
	rootName = 'w:footnotes',
	noteName = 'w:footnote'
): Map<string, string> {
	const notes = new Map<string, string>();
	if (!xml) return notes;
	const root = parseXml(xml).find((n) => n.name === rootName);
	for (const note of children(root, noteName)) {
		const type = note.attrs['w:type'];
		if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice')
			continue;
		const text = children(note, 'w:p')
			.map((p) => paragraphPlainText(p))
			.join(' ')
			.replace(/\s+/g, ' ')
			.trim();
		notes.set(note.attrs['w:id'] ?? '', text);
	}
	return notes;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A footnote's number as 公文 注释 write it: ①…⑳, then ［21］. */
export function noteNumber(n: number): string {
	return n <= CIRCLED.length ? CIRCLED[n - 1] : `［${n}］`;
}

function paragraphPlainText(p: XNode): string {
	let out = '';
	const walk = (n: XNode) => {
		if (n.name === 'w:t') out += textOf(n);
		else if (n.name === 'w:tab') out += ' ';
		else if (n.name === 'w:br' || n.name === 'w:cr') out += '\n';
		else if (n.name !== 'w:delText' && n.name !== 'w:del') n.children.forEach(walk);
	};
	walk(p);
	return out;
}

function isoDate(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const time = Date.parse(value);
	return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

const HREF = /^(https?:|mailto:)/i;

/** Run properties Lantu keeps, and their marks. */
const RUN_MARKS: readonly [string, string][] = [
	['w:b', 'strong'],
	['w:i', 'em'],
	['w:u', 'underline']
];

/** A suggested list item's inserted marker, as Lantu's export writes it (docx.ts). */
const LIST_MARKER = /^(?:• |(\d+)\. )$/;

interface WrapMarker {
	/** The marker's revision (local id): the suggestion the list is. */
	revision: number;
	ordered: boolean;
	/** The number an ordered item shows. */
	number: number;
}

/** Walks the body, collecting blocks, revisions and comment ranges. */
class Reader {
	readonly revisions = new Map<number, ImportedRevision>();
	readonly comments: ImportedComment[] = [];
	private readonly openComments = new Map<string, number>();
	private readonly commentTexts: ReturnType<typeof readComments>;
	/** The last revision written, while no unmarked text has come since (merging adjacent runs). */
	private last: { key: string; id: number } | null = null;
	private readonly byKey = new Map<string, number>();
	/** Characters read so far (comment offsets). */
	private offset = 0;

	private readonly styles: Styles;
	private readonly numbering: Numbering;
	private readonly rels: Map<string, string>;
	/** Picture relationships: id → part name. */
	images = new Map<string, string>();
	/** Pictures met since the last block was written out: they follow it as figures. */
	private pendingFigures: PMNode[] = [];
	/** Footnote texts by id; the notes referred to since the last block was written out. */
	footnotes = new Map<string, string>();
	/** Endnote texts by id: numbered with the footnotes and placed as they are (module comment). */
	endnotes = new Map<string, string>();
	private notesUsed = 0;
	private pendingNotes: string[] = [];
	/** Nesting of `blocks` (table cells): notes are written out at the top level only. */
	private depth = 0;

	// No parameter properties: the export worker runs this file with Node's type stripping.
	constructor(
		styles: Styles,
		numbering: Numbering,
		rels: Map<string, string>,
		commentTexts: ReturnType<typeof readComments>
	) {
		this.styles = styles;
		this.numbering = numbering;
		this.rels = rels;
		this.commentTexts = commentTexts;
	}

	private revisionId(node: XNode, kind: ImportedRevision['kind']): number {
		const author = node.attrs['w:author'] ?? '';
		const raw = node.attrs['w:date'];
		const date = isoDate(raw);
		const key = `${kind}\u0000${author}\u0000${date ?? ''}`;
		// A time to the millisecond is Lantu's own export: one suggestion's runs share it wherever
		// they are. Word records seconds (often whole minutes), so there only adjacent runs merge.
		const precise = raw !== undefined && /\.\d+/.test(raw);
		const known = precise ? this.byKey.get(key) : this.last?.key === key ? this.last.id : undefined;
		if (known !== undefined) {
			this.last = { key, id: known };
			return known;
		}
		const id = this.revisions.size + 1;
		this.revisions.set(id, { kind, author, ...(date && { date }) });
		this.byKey.set(key, id);
		this.last = { key, id };
		return id;
	}

	/**
	 * A row's or cell's Word revision (`w:trPr` w:ins / w:del, `w:tcPr` w:cellIns / w:cellDel) as
	 * a structural suggestion's attribute with the revision's local id (`insert #3`); land.ts
	 * gives it the author's suggestion id, as for text (suggestions/structure.ts).
	 */
	private structureSuggestion(
		properties: XNode | undefined,
		inserted: string,
		deleted: string
	): { suggestion?: string } {
		const ins = child(properties, inserted);
		const del = child(properties, deleted);
		if (ins) return { suggestion: `insert #${this.revisionId(ins, 'insert')}` };
		if (del) return { suggestion: `delete #${this.revisionId(del, 'delete')}` };
		return {};
	}

	/** Inline content of a paragraph (or of a run container inside it). */
	private inlines(node: XNode, marks: PMMark[], out: PMNode[]): void {
		for (const c of node.children) {
			switch (c.name) {
				case 'w:r':
					this.run(c, marks, out);
					break;
				case 'w:ins':
				case 'w:moveTo':
					this.inlines(
						c,
						[...marks, { type: 'insertion', attrs: { id: this.revisionId(c, 'insert') } }],
						out
					);
					break;
				case 'w:del':
				case 'w:moveFrom':
					this.inlines(
						c,
						[...marks, { type: 'deletion', attrs: { id: this.revisionId(c, 'delete') } }],
						out
					);
					break;
				case 'w:hyperlink': {
					const href = this.rels.get(c.attrs['r:id'] ?? '');
					this.inlines(
						c,
						href && HREF.test(href) ? [...marks, { type: 'link', attrs: { href } }] : marks,
						out
					);
					break;
				}
				case 'w:commentRangeStart':
					this.openComments.set(c.attrs['w:id'] ?? '', this.offset);
					break;
				case 'w:commentRangeEnd':
					this.closeComment(c.attrs['w:id'] ?? '');
					break;
				case 'w:smartTag':
				case 'w:sdt':
				case 'w:sdtContent':
				case 'w:fldSimple':
				case 'w:customXml':
					this.inlines(c, marks, out);
					break;
			}
		}
	}

	private closeComment(id: string): void {
		const from = this.openComments.get(id);
		const found = this.commentTexts.get(id);
		this.openComments.delete(id);
		if (from === undefined || !found) return;
		this.comments.push({ ...found, from, to: this.offset });
	}

	private run(r: XNode, marks: PMMark[], out: PMNode[]): void {
		const rPr = child(r, 'w:rPr');
		const own: PMMark[] = [...marks];
		if (isOn(child(rPr, 'w:b'))) own.push({ type: 'strong' });
		if (isOn(child(rPr, 'w:i'))) own.push({ type: 'em' });
		if (isOn(child(rPr, 'w:u'))) own.push({ type: 'underline' });
		own.push(...this.formatChanges(rPr));
		const revised = own.some(
			(m) => m.type === 'insertion' || m.type === 'deletion' || m.type === 'format_change'
		);
		for (const c of r.children) {
			let text = '';
			if (c.name === 'w:drawing') {
				const part = this.images.get(find(c, 'a:blip')?.attrs['r:embed'] ?? '');
				const described = find(c, 'wp:docPr');
				if (part)
					this.pendingFigures.push({
						type: 'figure',
						attrs: {
							src: `${MEDIA_SRC}${part}`,
							alt: (described?.attrs.descr ?? described?.attrs.title ?? '').slice(0, 200),
							// 修订: a picture inside w:ins / w:del is a suggested (deleted) picture.
							...figureSuggestion(own)
						}
					});
				continue;
			}
			if (c.name === 'w:footnoteReference' || c.name === 'w:endnoteReference') {
				const notes = c.name === 'w:footnoteReference' ? this.footnotes : this.endnotes;
				const note = notes.get(c.attrs['w:id'] ?? '');
				if (note === undefined) continue;
				text = noteNumber(++this.notesUsed);
				this.pendingNotes.push(`注${text}：${note}`);
			} else if (c.name === 'w:t' || c.name === 'w:delText') text = textOf(c);
			else if (c.name === 'w:tab') text = ' ';
			else if ((c.name === 'w:br' && c.attrs['w:type'] !== 'page') || c.name === 'w:cr') {
				out.push({ type: 'hard_break' });
				this.offset += 1;
				continue;
			}
			if (!text) continue;
			if (!revised) this.last = null;
			out.push({ type: 'text', text, ...(own.length > 0 && { marks: own }) });
			this.offset += text.length;
		}
	}

	/**
	 * A run's `w:rPrChange` as Lantu's format suggestions (format-mark.ts): one `format_change` per
	 * mark Lantu knows (bold, italic, underline) that differs from the properties it records as the
	 * old ones; a change of anything else (font, size, colour) has nothing to become and is left out.
	 */
	private formatChanges(rPr: XNode | undefined): PMMark[] {
		const change = child(rPr, 'w:rPrChange');
		if (!change) return [];
		const old = child(change, 'w:rPr');
		const marks: PMMark[] = [];
		for (const [tag, type] of RUN_MARKS) {
			const now = isOn(child(rPr, tag));
			if (now === isOn(child(old, tag))) continue;
			marks.push({
				type: 'format_change',
				attrs: {
					id: this.revisionId(change, 'format'),
					change: { mark: type, previous: now ? null : { type }, next: now ? { type } : null }
				}
			});
		}
		return marks;
	}

	/**
	 * A paragraph's `w:pPrChange` as a paragraph-style suggestion: when the recorded old style is
	 * another heading level or body text, every word of the paragraph carries a `format_change`
	 * saying so (as the editor marks a style change); other paragraph properties are left out.
	 */
	private styleChange(p: XNode, content: PMNode[], heading: number | null): void {
		const change = path(p, 'w:pPr', 'w:pPrChange');
		if (!change) return;
		const old = this.headingOf(child(change, 'w:pPr'));
		if (old === heading) return;
		const mark: PMMark = {
			type: 'format_change',
			attrs: {
				id: this.revisionId(change, 'format'),
				change: {
					block:
						old === null
							? { type: 'paragraph', attrs: {} }
							: { type: 'heading', attrs: { level: old } }
				}
			}
		};
		for (const node of content)
			if (node.type === 'text') node.marks = [...(node.marks ?? []), mark];
	}

	private headingOf(pPr: XNode | undefined): number | null {
		const styleId = path(pPr, 'w:pStyle')?.attrs['w:val'] ?? '';
		const outline = path(pPr, 'w:outlineLvl')?.attrs['w:val'];
		return (
			this.styles.headings.get(styleId) ??
			(outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : null)
		);
	}

	private paragraphStyle(p: XNode): {
		heading: number | null;
		list: { numId: string; ilvl: number } | null;
	} {
		const pPr = child(p, 'w:pPr');
		const styleId = path(pPr, 'w:pStyle')?.attrs['w:val'] ?? '';
		const heading = this.headingOf(pPr);
		const numPr = child(pPr, 'w:numPr');
		const numId = path(numPr, 'w:numId')?.attrs['w:val'];
		const list =
			numId !== undefined
				? numId === '0'
					? null
					: { numId, ilvl: Number(path(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0) || 0 }
				: (this.styles.numbering.get(styleId) ?? null);
		return { heading, list };
	}

	/** A paragraph's ProseMirror node, and the list it belongs to (if any). */
	private paragraph(p: XNode): {
		node: PMNode | null;
		list: { numId: string; ilvl: number } | null;
		heading: number | null;
		wrap: WrapMarker | null;
	} {
		const content: PMNode[] = [];
		const start = this.offset;
		this.inlines(p, [], content);
		const { heading, list } = this.paragraphStyle(p);
		if (content.length === 0) return { node: null, list, heading, wrap: null };
		if (!list) this.styleChange(p, content, heading);
		if (heading !== null && !list)
			return {
				node: { type: 'heading', attrs: { level: heading }, content },
				list: null,
				heading,
				wrap: null
			};
		const wrap = list ? null : this.wrapMarker(content, start);
		return { node: { type: 'paragraph', content }, list, heading: null, wrap };
	}

	/**
	 * Lantu's export of a suggested list (paragraphs turned into a list, structure.ts `wrap`): each
	 * item is a paragraph whose first run is its marker (「• 」, 「3. 」) inserted by the suggestion
	 * (docx.ts). Found here, the marker is taken out of the words — and out of the character count
	 * the comments are anchored by — and blockList makes the items one suggested list again.
	 */
	private wrapMarker(content: PMNode[], start: number): WrapMarker | null {
		const first = content[0];
		const mark = first?.marks?.length === 1 ? first.marks[0] : undefined;
		const marker = first?.type === 'text' ? LIST_MARKER.exec(first.text ?? '') : null;
		if (!marker || mark?.type !== 'insertion' || content.length < 2) return null;
		content.shift();
		const length = marker[0].length;
		const shift = (offset: number) => (offset > start ? Math.max(start, offset - length) : offset);
		for (const comment of this.comments) {
			comment.from = shift(comment.from);
			comment.to = shift(comment.to);
		}
		for (const [id, offset] of this.openComments) this.openComments.set(id, shift(offset));
		this.offset -= length;
		return {
			revision: Number(mark.attrs?.id),
			ordered: marker[1] !== undefined,
			number: Number(marker[1] ?? 1)
		};
	}

	private table(tbl: XNode): PMNode | null {
		const rows: PMNode[] = [];
		// Cells still open downwards (vMerge restart), by grid column.
		const openCells = new Map<number, PMNode>();
		for (const tr of children(tbl, 'w:tr')) {
			const cells: PMNode[] = [];
			let column = 0;
			for (const tc of children(tr, 'w:tc')) {
				const tcPr = child(tc, 'w:tcPr');
				const colspan = Math.max(1, Number(path(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? 1) || 1);
				const vMerge = child(tcPr, 'w:vMerge');
				const merge = vMerge ? (vMerge.attrs['w:val'] ?? 'continue') : null;
				if (merge === 'continue') {
					const above = openCells.get(column);
					if (above) {
						(above.attrs as { rowspan: number }).rowspan += 1;
						column += colspan;
						continue;
					}
				}
				const blocks = this.blocks(
					tc.children.filter((c) => c.name === 'w:p' || c.name === 'w:tbl')
				);
				const cell: PMNode = {
					type: 'table_cell',
					attrs: {
						colspan,
						rowspan: 1,
						...this.structureSuggestion(tcPr, 'w:cellIns', 'w:cellDel')
					},
					content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }]
				};
				if (merge === 'restart') openCells.set(column, cell);
				else openCells.delete(column);
				cells.push(cell);
				column += colspan;
			}
			if (cells.length > 0)
				rows.push({
					type: 'table_row',
					// 修订: Word's inserted / deleted row (w:trPr).
					attrs: this.structureSuggestion(child(tr, 'w:trPr'), 'w:ins', 'w:del'),
					content: cells
				});
		}
		if (rows.length === 0) return null;
		// Every row inserted (or deleted) by one revision: a suggested table, as Lantu exports one.
		const first = rows[0].attrs?.suggestion;
		if (typeof first === 'string' && rows.every((row) => row.attrs?.suggestion === first)) {
			for (const row of rows) row.attrs = {};
			return { type: 'table', attrs: { suggestion: first }, content: rows };
		}
		return { type: 'table', content: rows };
	}

	/**
	 * A suggested list's item (wrapMarker): added to the list before it when that is the same
	 * suggestion's and continues its kind and numbering, else the first item of a new list.
	 */
	private wrappedItem(
		out: PMNode[],
		open: { marker: WrapMarker; node: PMNode } | null,
		marker: WrapMarker,
		paragraph: PMNode
	): { marker: WrapMarker; node: PMNode } {
		const item: PMNode = { type: 'list_item', content: [paragraph] };
		const continues =
			open !== null &&
			out[out.length - 1] === open.node &&
			open.marker.revision === marker.revision &&
			open.marker.ordered === marker.ordered &&
			(!marker.ordered || marker.number === open.marker.number + 1);
		if (continues) {
			open.node.content!.push(item);
			return { marker, node: open.node };
		}
		const suggestion = `wrap #${marker.revision}`;
		const node: PMNode = marker.ordered
			? { type: 'ordered_list', attrs: { order: marker.number, suggestion }, content: [item] }
			: { type: 'bullet_list', attrs: { suggestion }, content: [item] };
		out.push(node);
		return { marker, node };
	}

	/**
	 * Word's and WPS's own record of paragraphs made a list while tracking: the list paragraph's
	 * `w:pPrChange` holds old properties with no numbering. That change, or null.
	 */
	private wordWrap(p: XNode): XNode | null {
		const change = path(p, 'w:pPr', 'w:pPrChange');
		if (!change) return null;
		const old = child(change, 'w:pPr');
		const numId = path(old, 'w:numPr', 'w:numId')?.attrs['w:val'];
		const styled = this.styles.numbering.has(path(old, 'w:pStyle')?.attrs['w:val'] ?? '');
		return (numId !== undefined && numId !== '0') || styled ? null : change;
	}

	/** Notes written out inside the top-level `blocks` call (its depth is 1 while it runs). */
	private flushTop(out: PMNode[]): void {
		this.depth--;
		this.flushNotes(out);
		this.depth++;
	}

	/** The footnotes referred to so far, as paragraphs after the block (top level only). */
	private flushNotes(out: PMNode[]): void {
		if (this.depth > 0) return;
		out.push(...this.pendingFigures);
		this.pendingFigures = [];
		for (const note of this.pendingNotes) {
			out.push({ type: 'paragraph', content: [{ type: 'text', text: note }] });
			this.offset += note.length;
			this.last = null;
		}
		this.pendingNotes = [];
	}

	/** Block-level content: paragraphs grouped into lists, tables; returns ProseMirror nodes. */
	blocks(nodes: readonly XNode[]): PMNode[] {
		this.depth++;
		try {
			const out = this.blockList(nodes);
			this.depth--;
			this.flushNotes(out);
			return out;
		} catch (error) {
			this.depth--;
			throw error;
		}
	}

	private blockList(nodes: readonly XNode[]): PMNode[] {
		const out: PMNode[] = [];
		// Open lists from the outermost: their level and node.
		let stack: { level: number; ordered: boolean; node: PMNode }[] = [];
		// The suggested list (wrapMarker) the last paragraphs went into, while the next may follow.
		let wrapped: { marker: WrapMarker; node: PMNode } | null = null;
		const flat: XNode[] = [];
		for (const n of nodes)
			if (n.name === 'w:sdt') flat.push(...(path(n, 'w:sdtContent')?.children ?? []));
			else flat.push(n);
		for (const n of flat) {
			if (n.name === 'w:commentRangeStart' || n.name === 'w:commentRangeEnd') {
				if (n.name === 'w:commentRangeStart')
					this.openComments.set(n.attrs['w:id'] ?? '', this.offset);
				else this.closeComment(n.attrs['w:id'] ?? '');
				continue;
			}
			// Notes of a list are written after it, before the next block is read (comment offsets
			// count in the order the blocks are written).
			const topLevel = this.depth === 1;
			if (n.name === 'w:tbl') {
				stack = [];
				wrapped = null;
				if (topLevel) this.flushTop(out);
				const table = this.table(n);
				if (table) out.push(table);
				if (topLevel) this.flushTop(out);
				continue;
			}
			if (n.name !== 'w:p') continue;
			if (topLevel && !this.paragraphStyle(n).list) this.flushTop(out);
			const { node, list, wrap } = this.paragraph(n);
			if (!node) {
				// A paragraph holding only a picture: the picture follows what came before.
				wrapped = null;
				if (topLevel) this.flushTop(out);
				continue;
			}
			if (!list) {
				stack = [];
				if (wrap) {
					wrapped = this.wrappedItem(out, wrapped, wrap, node);
					// An item's notes and pictures are written out before the next block.
					continue;
				}
				wrapped = null;
				out.push(node);
				if (topLevel) this.flushTop(out);
				continue;
			}
			wrapped = null;
			const format = this.numbering.levels.get(list.numId)?.get(list.ilvl) ?? {
				ordered: true,
				start: 1
			};
			while (stack.length > 0 && stack[stack.length - 1].level > list.ilvl) stack.pop();
			let top = stack[stack.length - 1];
			if (top && top.level === list.ilvl && top.ordered !== format.ordered) {
				stack.pop();
				top = stack[stack.length - 1];
			}
			// 修订 made in Word or WPS: paragraphs turned into a list while tracking (wordWrap).
			const listed = stack.length <= 1 ? this.wordWrap(n) : null;
			if (!top || top.level < list.ilvl) {
				const attrs: Record<string, unknown> = format.ordered ? { order: format.start } : {};
				if (!top && listed) attrs.suggestion = `wrap #${this.revisionId(listed, 'format')}`;
				const listNode: PMNode = {
					type: format.ordered ? 'ordered_list' : 'bullet_list',
					...(Object.keys(attrs).length > 0 && { attrs }),
					content: []
				};
				if (top) {
					const items = top.node.content!;
					const lastItem = items[items.length - 1];
					lastItem.content!.push(listNode);
				} else out.push(listNode);
				stack.push({ level: list.ilvl, ordered: format.ordered, node: listNode });
				top = stack[stack.length - 1];
			} else if (stack.length === 1 && !listed && top.node.attrs?.suggestion)
				// An item that was in the list before: not one list suggestion, the list stays as it is.
				delete top.node.attrs.suggestion;
			const paragraph: PMNode =
				node.type === 'heading' ? { type: 'paragraph', content: node.content } : node;
			top.node.content!.push({ type: 'list_item', content: [paragraph] });
		}
		return out;
	}
}

/** A suggested style's old heading level, shifted as the headings are (`normalizeHeadings`). */
function normalizeStyleChanges(
	nodes: PMNode[],
	shift: (level: number) => number,
	done = new Set<object>()
): void {
	for (const node of nodes) {
		for (const mark of node.marks ?? []) {
			const block = (mark.attrs?.change as { block?: { type: string; attrs: { level?: number } } })
				?.block;
			// One change marks every word of its paragraph: shifted once.
			if (mark.type !== 'format_change' || block?.type !== 'heading' || done.has(block)) continue;
			done.add(block);
			if (block.attrs.level) block.attrs = { level: shift(block.attrs.level) };
		}
		if (node.content) normalizeStyleChanges(node.content, shift, done);
	}
}

/** Headings keep their relative depth: the shallowest becomes 1, none deeper than 4. */
function normalizeHeadings(blocks: PMNode[]): { level: number; text: string }[] {
	const headings = blocks.filter((b) => b.type === 'heading');
	const shallowest = Math.min(...headings.map((h) => h.attrs!.level as number));
	const base = Number.isFinite(shallowest) ? shallowest : 1;
	normalizeStyleChanges(blocks, (level) => Math.min(4, Math.max(1, level - base + 1)));
	const list: { level: number; text: string }[] = [];
	for (const h of headings) {
		const level = Math.min(4, Math.max(1, (h.attrs!.level as number) - shallowest + 1));
		h.attrs = { level };
		list.push({ level, text: (h.content ?? []).map((c) => c.text ?? '').join('') });
	}
	return list;
}

export function parseDocx(parts: DocxParts): ParsedDocx {
	const root = parseXml(parts.get('word/document.xml') ?? '').find((n) => n.name === 'w:document');
	const body = child(root, 'w:body');
	if (!body) throw new Error('no body');
	const rels = readRelationships(parts.get('word/_rels/document.xml.rels'));
	const reader = new Reader(
		readStyles(parts.get('word/styles.xml')),
		readNumbering(parts.get('word/numbering.xml')),
		rels.links,
		readComments(parts.get('word/comments.xml'))
	);
	reader.images = rels.images;
	reader.footnotes = readNotes(parts.get('word/footnotes.xml'));
	reader.endnotes = readNotes(parts.get('word/endnotes.xml'), 'w:endnotes', 'w:endnote');
	const blocks = reader.blocks(body.children);
	const headings = normalizeHeadings(blocks);
	const media = new Map<string, Uint8Array>();
	for (const block of blocks) {
		const src = block.type === 'figure' ? String(block.attrs?.src ?? '') : '';
		const bytes = parts.media?.get(src.slice(MEDIA_SRC.length));
		if (bytes) media.set(src.slice(MEDIA_SRC.length), bytes);
	}
	return { blocks, media, revisions: reader.revisions, comments: reader.comments, headings };
}

/** A picture's structural suggestion from the revision marks of its run (see structureSuggestion). */
function figureSuggestion(marks: readonly PMMark[]): { suggestion?: string } {
	const revision = marks.find((m) => m.type === 'insertion' || m.type === 'deletion');
	if (!revision) return {};
	const kind = revision.type === 'insertion' ? 'insert' : 'delete';
	return { suggestion: `${kind} #${String(revision.attrs?.id)}` };
}
