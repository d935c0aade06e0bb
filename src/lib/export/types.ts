/**
 * The format-neutral export model: a plan, laid out as one edition, as a tree of numbered sections
 * whose content is a small block tree. Renderers (DOCX, Markdown, print HTML) only walk this model;
 * JSON export is this model plus the raw structured rows. Plain data only, so it can cross a worker
 * boundary or be cached.
 */

import type { InlineRevision } from './revisions.ts';
import type { FormatRevision, StyleRevision } from './format-revisions.ts';

export type EditionKey = 'full' | 'publication';
export type NumberingKey = 'plan' | 'standard';

export interface InlineText {
	text: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	href?: string;
	/** A cross-reference to the figure with this id: `text` is its number (图 6-1) once numbered. */
	figureRef?: string;
	/** A pending suggestion (修订) this run belongs to; see revisions.ts. */
	revision?: InlineRevision;
	/** A pending format suggestion on this run: its format before; see format-revisions.ts. */
	formatChange?: FormatRevision;
}
/** A line break inside a paragraph. */
export interface InlineBreak {
	break: true;
}
export type Inline = InlineText | InlineBreak;

export interface ParagraphBlock {
	type: 'paragraph';
	inlines: Inline[];
	/** A pending paragraph-style suggestion (was a heading); see format-revisions.ts. */
	styleChange?: StyleRevision;
}
/** A heading written inside prose; `depth` 1 is the first level below the section's own heading. */
export interface SubheadingBlock {
	type: 'subheading';
	depth: number;
	inlines: Inline[];
	/** A pending paragraph-style suggestion (was body text or another level). */
	styleChange?: StyleRevision;
}
export interface ListBlock {
	type: 'list';
	ordered: boolean;
	start: number;
	items: Block[][];
	/** 修订: paragraphs suggested into this list (structure-revisions.ts). */
	wrapped?: InlineRevision;
}
export interface QuoteBlock {
	type: 'quote';
	children: Block[];
}
export interface TableCell {
	/** Cell content: paragraphs of text (one string per paragraph), or blocks from a prose table. */
	blocks: Block[];
	colspan?: number;
	rowspan?: number;
	/** Right-aligned (numbers). */
	numeric?: boolean;
	/** Indentation level for tree tables (0 = none). */
	indent?: number;
	/** 修订: the cell of a suggested column, inserted or deleted (structure-revisions.ts). */
	revision?: InlineRevision;
}
export interface TableBlock {
	type: 'table';
	/** 表N caption without its number; renderers number tables in document order. */
	caption?: string;
	/** Header row cells (empty for prose tables without a header). */
	header: string[];
	rows: TableCell[][];
	/** 修订: a suggested row's revision, by the index of `rows` (structure-revisions.ts). */
	rowRevisions?: (InlineRevision | null)[];
	/** Final emphasised row, e.g. 合计. */
	footer?: TableCell[];
	/** Relative column widths (sum need not be 100). */
	widths?: number[];
	/** Printed above the table on the right, under its caption, e.g. 单位：万元. */
	note?: string;
}
/**
 * A figure generated from the structured rows (src/lib/diagrams): a self-contained SVG sized in CSS
 * pixels; numbered 图N in document order, its caption under it.
 */
export interface DiagramBlock {
	type: 'diagram';
	caption: string;
	/** 图 8-1: numbered per chapter by the model, in one sequence with the images. */
	label?: string;
	svg: string;
	width: number;
	height: number;
}
/** A placeholder where nothing was written (暂无). */
export interface EmptyBlock {
	type: 'empty';
	text: string;
}
/** A figure of the plan's prose (issue 16): an image named by its SHA-256, with its caption. */
export interface ImageBlock {
	type: 'image';
	/** The figure's id (cross-references point at it). */
	id: string;
	/** SHA-256 of the image bytes: the key into `ExportDocument.images`. */
	src: string;
	alt: string;
	caption: string;
	/** Percent of the text width. */
	width: number;
	/** 图 6-1: numbered per chapter by the model. */
	label?: string;
	/** 修订: a suggested picture, or one suggested for deletion (structure-revisions.ts). */
	revision?: InlineRevision;
}
export type Block =
	| ParagraphBlock
	| SubheadingBlock
	| ListBlock
	| QuoteBlock
	| TableBlock
	| DiagramBlock
	| EmptyBlock
	| ImageBlock;

/** The bytes of one image, verified against its hash when loaded. */
export interface ImageAsset {
	hash: string;
	mime: string;
	width: number;
	height: number;
	bytes: Uint8Array;
}

export interface ExportSection {
	/** Stable id within the document (anchor), e.g. `s-6.1`, `s-6.1-item-6.1.2.1`. */
	id: string;
	/** Lines printed under the heading of a chapter exported from a frozen version: its version, its hash. */
	stamp?: string[];
	/** 1 = chapter (第一章 / 一、), 2 = section, 3 = item or block heading, 4 = row detail. */
	level: number;
	/** Number as printed, e.g. 第一章, 一、, （一）, 6.1; '' for none. */
	number: string;
	title: string;
	/** The standard clause the content comes from, where there is one. */
	clause?: string;
	blocks: Block[];
	children: ExportSection[];
}

/** The version one activity (one chapter of the report) is exported from. */
export interface ActivityStamp {
	/** The activity's key, e.g. `requirements`. */
	activity: string;
	/** The chapter's clause and title, e.g. 6 and 需求分析. */
	chapter: string;
	title: string;
	/** e.g. 定稿（第3版）, or 未定稿 when the activity has no approved version. */
	label: string;
	/** The frozen version's content hash (hex); null when the activity is left out. */
	hash: string | null;
}

export interface VersionStamp {
	/**
	 * `draft`: the live draft (marked 草稿); `version`: one frozen version of one activity;
	 * `compilation`: every activity's current 定稿 together (定稿汇编).
	 */
	kind: 'draft' | 'version' | 'compilation';
	/** e.g. 草稿, 需求分析·定稿（第3版）, 定稿汇编 */
	label: string;
	/**
	 * A frozen version's content hash (hex); for a compilation the SHA-256 over its activities'
	 * `activity:hash` lines (see `compilationHash`); null for the draft.
	 */
	hash: string | null;
	/** When the version was frozen, or when the draft was read. */
	at: string;
	/**
	 * For a version or a compilation: the activities it contains, in chapter order. Chapters of
	 * activities not listed are left out of the body; listed ones without a hash are marked 未定稿.
	 */
	activities?: ActivityStamp[];
}

export interface SignoffRecord {
	name: string;
	role: string;
	organization: string;
	/** ISO time. */
	time: string;
	decision: string;
	versionHash: string;
	/** What was signed, e.g. 送审稿（第2版）. */
	subject?: string;
	/** The activity the record belongs to (its chapter's title): the appendix groups by it. */
	activity?: string;
	comment?: string;
}

/** 5.1.3 feedback on an activity's 定稿 from the next activity, with its answer. */
export interface FeedbackRecord {
	/** The activity it is about (its chapter's title): printed under that activity's records. */
	activity: string;
	/** 反馈人（单位），来自总体设计. */
	from: string;
	/** ISO time it was filed. */
	time: string;
	/** 6.3 智慧城市现状评估, then the row or the quoted words. */
	where: string;
	text: string;
	/** 采纳（…）/ 不采纳 / 待答复. */
	decision: string;
	/** The reason or note, with who answered and when. */
	answer: string;
}

export interface ConsultationItem {
	/** Who commented (a person or an organization). */
	from: string;
	/** Where: a clause or section title. */
	section: string;
	comment: string;
	/** 采纳 / 部分采纳 / 不采纳 … as the source words it. */
	decision: string;
	reason: string;
}

export interface ConsultationReport {
	/** e.g. 第一轮公开征求意见 */
	round: string;
	/** ISO dates of the round, where known. */
	from?: string;
	to?: string;
	/** The period as printed: planned and, once closed, actual (consultation/period-text.ts). */
	period?: string;
	summary?: string;
	items: ConsultationItem[];
}

export interface ExportMeta {
	planId: number;
	/** The plan's name without book-title marks, e.g. 示例市智慧城市顶层设计（2026—2030年）. */
	title: string;
	city: string;
	periodStart: number;
	periodEnd: number;
	leadUnit: string;
	edition: EditionKey;
	/** The edition's name on the cover, e.g. 设计报告. */
	editionLabel: string;
	numbering: NumberingKey;
	version: VersionStamp;
	/** ISO date of the export. */
	date: string;
	/** The zone every date of the document is printed in (IANA). */
	timeZone: string;
}

export interface ExportDocument {
	meta: ExportMeta;
	/** Chapters (level 1) with their sections. */
	body: ExportSection[];
	/** Appendices (level 1), numbered 附录A… / 附件1…. */
	appendices: ExportSection[];
	/**
	 * The signed 验证信息 printed on a page of its own after everything else (frozen versions'
	 * DOCX and PDF; see src/lib/server/verify/statement.ts). Not in the table of contents.
	 */
	verification?: VerificationBlock;
	/** The images the figures show, by hash (a figure whose image is missing shows its caption only). */
	images?: Record<string, ImageAsset>;
}

export interface VerificationBlock {
	title: string;
	note: string;
	/** `label：value`; `code` values (hashes, base64) are printed in a monospaced font, line by line. */
	lines: { label: string; value: string; code?: boolean }[];
}
