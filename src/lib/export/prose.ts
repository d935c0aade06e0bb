/**
 * A section's ProseMirror fragments (as y-prosemirror stores them in Yjs) → the export model's
 * blocks. Walks the Y.XmlElement tree by node name from src/lib/editor/schema.ts; marks arrive as
 * Y.XmlText formatting attributes (`{ strong: {} }`, `{ link: { href } }`, a pending suggestion's
 * `{ insertion: { id } }`: revisions.ts). Unknown nodes keep their
 * text as paragraphs, so nothing anyone wrote is dropped by an export.
 */
import * as Y from 'yjs';
import { safeHref } from '../editor/marks/index.ts';
import { figureOf } from '../images/figures.ts';
import { MISSING_FIGURE } from '../images/numbering.ts';
import { revisionOf, type InlineRevision } from './revisions.ts';
import { formatRevisionOf, styleRevisionOf } from './format-revisions.ts';
import { structureRevision } from './structure-revisions.ts';
import type { Block, Inline, InlineText, TableBlock, TableCell } from './types.ts';

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment;

function marked(attributes: Record<string, unknown> | undefined, text: string): InlineText {
	const inline: InlineText = { text };
	if (!attributes) return inline;
	const revision = revisionOf(attributes);
	if (revision) inline.revision = revision;
	if (attributes.strong) inline.bold = true;
	if (attributes.em) inline.italic = true;
	if (attributes.underline) inline.underline = true;
	const link = attributes.link as { href?: unknown } | undefined;
	const href = typeof link?.href === 'string' ? safeHref(link.href) : null;
	if (href) inline.href = href;
	const format = formatRevisionOf(attributes, inline);
	if (format) inline.formatChange = format;
	return inline;
}

/** The Yjs attributes of a textblock's runs (where a paragraph-style suggestion sits). */
function runAttributes(element: Y.XmlElement): (Record<string, unknown> | undefined)[] {
	return element
		.toArray()
		.filter((c): c is Y.XmlText => c instanceof Y.XmlText)
		.flatMap((c) =>
			(c.toDelta() as { attributes?: Record<string, unknown> }[]).map((op) => op.attributes)
		);
}

/** Inline content of a textblock: text runs with marks, hard breaks. */
export function inlinesOf(element: Y.XmlElement): Inline[] {
	const inlines: Inline[] = [];
	for (const child of element.toArray()) {
		if (child instanceof Y.XmlText) {
			for (const op of child.toDelta() as {
				insert?: unknown;
				attributes?: Record<string, unknown>;
			}[])
				if (typeof op.insert === 'string' && op.insert.length > 0)
					inlines.push(marked(op.attributes, op.insert));
		} else if (child instanceof Y.XmlElement) {
			if (child.nodeName === 'hard_break') inlines.push({ break: true });
			else if (child.nodeName === 'figure_ref') {
				const target = child.getAttribute('target') as unknown;
				// Numbered by the model once every figure of the chapter is known.
				if (typeof target === 'string') inlines.push({ text: MISSING_FIGURE, figureRef: target });
			} else inlines.push(...inlinesOf(child));
		}
	}
	return inlines;
}

export function inlineText(inlines: readonly Inline[]): string {
	return inlines.map((i) => ('break' in i ? '\n' : i.text)).join('');
}

function numberAttr(element: Y.XmlElement, key: string, fallback: number): number {
	const value = Number(element.getAttribute(key) as unknown);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

function tableOf(element: Y.XmlElement): TableBlock {
	const rows: TableCell[][] = [];
	const header: string[] = [];
	const rowRevisions: (InlineRevision | null)[] = [];
	// A suggested (or suggested-deleted) table is each of its rows so suggested, as Word records it.
	const tableRevision = structureRevision(element.getAttribute('suggestion') as unknown);
	const ownRevision = tableRevision && !tableRevision.wrap ? tableRevision : null;
	element.toArray().forEach((rowNode, index) => {
		if (!(rowNode instanceof Y.XmlElement)) return;
		const cells = rowNode.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
		const rowRevision =
			structureRevision(rowNode.getAttribute('suggestion') as unknown) ?? ownRevision;
		// A first row of header cells becomes the table's header (when it has no spans and no
		// suggestion: the header row holds plain strings).
		if (
			index === 0 &&
			!rowRevision &&
			cells.length > 0 &&
			cells.every((c) => !c.getAttribute('suggestion')) &&
			cells.every(
				(c) =>
					c.nodeName === 'table_header' &&
					numberAttr(c, 'colspan', 1) === 1 &&
					numberAttr(c, 'rowspan', 1) === 1
			)
		) {
			for (const cell of cells) header.push(blocksText(childrenBlocks(cell)));
			return;
		}
		if (rowRevision) rowRevisions[rows.length] = rowRevision;
		rows.push(
			cells.map((cell) => {
				const out: TableCell = { blocks: childrenBlocks(cell) };
				const colspan = numberAttr(cell, 'colspan', 1);
				const rowspan = numberAttr(cell, 'rowspan', 1);
				if (colspan > 1) out.colspan = colspan;
				if (rowspan > 1) out.rowspan = rowspan;
				const revision = structureRevision(cell.getAttribute('suggestion') as unknown);
				if (revision && !revision.wrap) out.revision = revision;
				return out;
			})
		);
	});
	const table: TableBlock = { type: 'table', header, rows };
	if (rowRevisions.some(Boolean))
		table.rowRevisions = Array.from(rows, (_, i) => rowRevisions[i] ?? null);
	return table;
}

function blockOf(node: XmlNode, depthOffset: number): Block[] {
	if (node instanceof Y.XmlText) {
		const text = node.toString();
		return text.trim() ? [{ type: 'paragraph', inlines: [{ text }] }] : [];
	}
	if (!(node instanceof Y.XmlElement)) return [];
	switch (node.nodeName) {
		case 'paragraph': {
			const inlines = inlinesOf(node);
			if (inlines.length === 0) return [];
			const styleChange = styleRevisionOf(runAttributes(node), depthOffset);
			return [{ type: 'paragraph', inlines, ...(styleChange && { styleChange }) }];
		}
		case 'heading': {
			const inlines = inlinesOf(node);
			if (inlines.length === 0) return [];
			const level = numberAttr(node, 'level', 1);
			const styleChange = styleRevisionOf(runAttributes(node), depthOffset);
			return [
				{
					type: 'subheading',
					depth: Math.max(1, level - depthOffset),
					inlines,
					...(styleChange && { styleChange })
				}
			];
		}
		case 'bullet_list':
		case 'ordered_list': {
			const items = node
				.toArray()
				.filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
				.map((item) => childrenBlocks(item, depthOffset))
				.filter((blocks) => blocks.length > 0);
			if (items.length === 0) return [];
			const list: Block = {
				type: 'list',
				ordered: node.nodeName === 'ordered_list',
				start: numberAttr(node, 'order', 1),
				items
			};
			const wrapped = structureRevision(node.getAttribute('suggestion') as unknown);
			if (wrapped?.wrap) list.wrapped = wrapped;
			return [list];
		}
		case 'blockquote': {
			const children = childrenBlocks(node, depthOffset);
			return children.length > 0 ? [{ type: 'quote', children }] : [];
		}
		case 'table':
			return [tableOf(node)];
		case 'figure': {
			const figure = figureOf(node);
			if (!figure) return [];
			const revision = structureRevision(node.getAttribute('suggestion') as unknown);
			return [{ type: 'image', ...figure, ...(revision && !revision.wrap && { revision }) }];
		}
		default:
			return childrenBlocks(node, depthOffset);
	}
}

function childrenBlocks(node: Y.XmlElement | Y.XmlFragment, depthOffset = 1): Block[] {
	return node.toArray().flatMap((child) => blockOf(child, depthOffset));
}

/**
 * The blocks of a prose fragment. Headings inside prose keep their relative depth: the shallowest
 * heading the author used becomes depth 1 below the section's own heading.
 */
export function proseBlocks(fragment: Y.XmlFragment): Block[] {
	let shallowest = Infinity;
	for (const child of fragment.toArray())
		if (child instanceof Y.XmlElement && child.nodeName === 'heading')
			shallowest = Math.min(shallowest, numberAttr(child, 'level', 1));
	return childrenBlocks(fragment, Number.isFinite(shallowest) ? shallowest - 1 : 0);
}

/** Plain text of blocks, one line per paragraph-like block (the same lines as fragmentText). */
export function blocksText(blocks: readonly Block[]): string {
	const lines: string[] = [];
	const walk = (block: Block) => {
		switch (block.type) {
			case 'paragraph':
			case 'subheading':
				lines.push(inlineText(block.inlines));
				break;
			case 'list':
				for (const item of block.items) item.forEach(walk);
				break;
			case 'quote':
				block.children.forEach(walk);
				break;
			case 'table':
				if (block.header.length) lines.push(block.header.join(' '));
				for (const row of block.rows) for (const cell of row) cell.blocks.forEach(walk);
				break;
			case 'diagram':
				lines.push(block.caption);
				break;
			case 'empty':
				lines.push(block.text);
				break;
			case 'image':
				// No line: fragmentText has none for a figure (its caption is an attribute).
				break;
		}
	};
	blocks.forEach(walk);
	return lines.join('\n');
}

/** A paragraph of plain text (lines become hard breaks). */
export function textParagraph(text: string): Block {
	const inlines: Inline[] = [];
	text.split('\n').forEach((line, i) => {
		if (i > 0) inlines.push({ break: true });
		if (line) inlines.push({ text: line });
	});
	return { type: 'paragraph', inlines };
}
