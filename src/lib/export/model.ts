/**
 * Plan → edition → parts → sections: the format-neutral export model (types.ts). Two steps:
 * `readSectionContent` turns one section's Y.Doc into plain content (prose blocks per fragment, rows
 * per block), which a frozen version could also supply directly; `buildExportModel` lays the
 * contents out as one edition and numbers it. Both are pure.
 */
import type * as Y from 'yjs';
import { safeBlockJSON } from '../collab/section-doc.ts';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from '../dates.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../editor/fragments.ts';
import { ACTIVITIES, ACTIVITY_CHAPTER, type Activity } from '../standard/sections.ts';
import {
	findItem,
	getTemplate,
	TEMPLATES,
	type BlockKey,
	type SectionTemplate
} from '../templates/index.ts';
import outline from '../standard/outline.json' with { type: 'json' };
import type { PlanChecklist } from '../conformance/types.ts';
import {
	conformanceStatement,
	STATEMENT_WORDS,
	type ActivityWaiver
} from './conformance-statement.ts';
import { DIAGRAMS } from '../diagrams/index.ts';
import { proseBlocks, textParagraph } from './prose.ts';
import { blockTables, rowIndexKey, type PlainRow, type RowIndex } from './tables.ts';
import { EDITIONS, type Feed, type PublicationPart } from './editions.ts';
import { appendixNumber, planNumber, WORDS } from './vocabulary.ts';
import { numberFigures } from './figures.ts';
import type {
	ActivityStamp,
	Block,
	ConsultationReport,
	EditionKey,
	ExportDocument,
	ExportMeta,
	ExportSection,
	ImageAsset,
	NumberingKey,
	FeedbackRecord,
	SignoffRecord,
	TableBlock,
	TableCell,
	VersionStamp
} from './types.ts';

/** One section as plain data: prose as blocks, structured rows as they are stored. */
export interface SectionContent {
	clause: string;
	body: Block[];
	items: Record<string, Block[]>;
	blocks: Partial<Record<BlockKey, PlainRow[]>>;
	/** Positions (1-based) of stored rows that could not be read; reported under their table. */
	badRows?: Partial<Record<BlockKey, number[]>>;
}

export function readSectionContent(doc: Y.Doc, template: SectionTemplate): SectionContent {
	const items: Record<string, Block[]> = {};
	for (const item of template.items)
		if (item.fill.kind === 'prose')
			items[item.id] = proseBlocks(doc.getXmlFragment(itemFragmentName(item.id)));
	const blocks: Partial<Record<BlockKey, PlainRow[]>> = {};
	const badRows: Partial<Record<BlockKey, number[]>> = {};
	for (const key of template.structured) {
		const { rows, bad } = safeBlockJSON(doc, key);
		blocks[key] = rows as PlainRow[];
		if (bad.length > 0) badRows[key] = bad;
	}
	const content: SectionContent = {
		clause: template.clause,
		body: proseBlocks(doc.getXmlFragment(BODY_FRAGMENT)),
		items,
		blocks
	};
	if (Object.keys(badRows).length > 0) content.badRows = badRows;
	return content;
}

/** What the model is built from: the plan, the version, the sections and the appendices' records. */
export interface ModelInput {
	plan: {
		id: number;
		title: string;
		city: string;
		periodStart: number;
		periodEnd: number;
		leadUnit: string;
	};
	version: VersionStamp;
	/** ISO date of the export. */
	date: string;
	/** The zone dates are printed in (the instance's TIME_ZONE); Asia/Shanghai when absent. */
	timeZone?: string;
	sections: readonly SectionContent[];
	/** The bytes of the images the sections' figures show (verified when loaded). */
	images?: readonly ImageAsset[];
	signoffs: readonly SignoffRecord[];
	/** 5.1.3 feedback on the exported activities' 定稿, with the answers (issue 14). */
	feedback?: readonly FeedbackRecord[];
	consultations: readonly ConsultationReport[];
	/** The conformance checklist of these sections; the report then states it as an appendix. */
	checklist?: PlanChecklist;
	/** Reasons activities went to review with required items open (the statement's waivers). */
	waivers?: readonly ActivityWaiver[];
}

export interface ModelOptions {
	edition: EditionKey;
	/** Headings as the plan numbers them (default) or with the standard's clause numbers (report only). */
	numbering?: NumberingKey;
}

const chapterTitles = new Map(
	(
		outline as { outline_chapters_6_to_9: { clause: string; title: string }[] }
	).outline_chapters_6_to_9.map((c) => [c.clause, c.title])
);

/** A chapter's title as the standard writes it, e.g. 需求分析 for 6. */
export function chapterTitle(chapter: string): string {
	return chapterTitles.get(chapter) ?? chapter;
}

/** An item's label as the standard writes it, split into its number and its title. */
export function splitItemLabel(label: string): { number: string; title: string } {
	const cleaned = label.replace(/（表A\.1）$/u, '').trim();
	const clause = /^(\d+(?:\.\d+)+)\s+(.+)$/u.exec(cleaned);
	if (clause) return { number: clause[1], title: clause[2] };
	const letter = /^([a-z]）)\s*(.+)$/u.exec(cleaned);
	if (letter) return { number: letter[1], title: letter[2] };
	return { number: '', title: cleaned };
}

function hasContent(blocks: readonly Block[] | undefined): boolean {
	return !!blocks && blocks.some((b) => b.type !== 'empty');
}

/** 第2、5行数据无法读取…: the one line a table gets for rows the export could not read. */
export function unreadableRows(positions: readonly number[]): string {
	return WORDS.unreadableRows.replace('{rows}', positions.join('、'));
}

function rowsOf(content: SectionContent | undefined, key: BlockKey): PlainRow[] {
	return content?.blocks[key] ?? [];
}

interface Context {
	contents: Map<string, SectionContent>;
	rows: RowIndex;
	standard: boolean;
}

function section(
	id: string,
	level: number,
	title: string,
	blocks: Block[],
	children: ExportSection[] = [],
	extra: Partial<ExportSection> = {}
): ExportSection {
	return { id, level, number: '', title, blocks, children, ...extra };
}

/** The figures drawn from a block (src/lib/diagrams), from the exported rows themselves. */
function blockDiagrams(ctx: Context, clause: string, key: BlockKey): Block[] {
	return DIAGRAMS.filter((d) => d.clause === clause && d.block === key).flatMap((d) => {
		const diagram = d.build((c, b) => ctx.rows.get(rowIndexKey(c, b)) ?? []);
		return diagram
			? [
					{
						type: 'diagram' as const,
						caption: d.caption,
						svg: diagram.svg,
						width: diagram.width,
						height: diagram.height
					}
				]
			: [];
	});
}

/**
 * What a feed contributes at `level`: the body's blocks, one child per written item, and the block
 * tables — inline after the body, or as children of their own when items stand between.
 */
function feedContent(
	ctx: Context,
	feed: Feed,
	level: number
): { blocks: Block[]; children: ExportSection[] } {
	const template = getTemplate(feed.clause);
	const content = ctx.contents.get(feed.clause);
	if (!template) return { blocks: [], children: [] };
	const blocks: Block[] = [];
	const children: ExportSection[] = [];
	if (feed.body !== false && content) blocks.push(...content.body);
	const itemIds =
		feed.items === false
			? []
			: (feed.items ?? template.items.filter((i) => i.fill.kind === 'prose').map((i) => i.id));
	for (const itemId of itemIds) {
		const item = findItem(itemId)?.item;
		const itemBlocks = content?.items[itemId];
		if (!item || !hasContent(itemBlocks)) continue;
		const label = splitItemLabel(item.label);
		children.push(
			section(`s-${feed.clause}-item-${itemId}`, level + 1, label.title, itemBlocks ?? [], [], {
				clause: item.clause,
				number: ctx.standard ? label.number : ''
			})
		);
	}
	const keys = feed.blocks === false ? [] : (feed.blocks ?? template.structured);
	for (const key of keys) {
		const tables: Block[] = [
			...blockDiagrams(ctx, feed.clause, key),
			...blockTables(key, rowsOf(content, key), ctx.rows, { details: feed.details ?? true })
		];
		const bad = content?.badRows?.[key];
		if (bad?.length) tables.push({ type: 'empty', text: unreadableRows(bad) });
		if (children.length > 0)
			children.push(
				section(
					`s-${feed.clause}-block-${key}`,
					level + 1,
					tables.find((t): t is TableBlock => t.type === 'table')?.caption ?? key,
					tables,
					[],
					{ clause: feed.clause }
				)
			);
		else blocks.push(...tables);
	}
	return { blocks, children };
}

/** A line of the cover about the version: `label：value`, then the hash on a line of its own. */
export interface CoverLine {
	label: string;
	value: string;
	hash?: string;
}

/** The cover's version lines, the same in every format. */
export function versionLines(version: VersionStamp): CoverLine[] {
	if (version.kind !== 'compilation')
		return [{ label: WORDS.version, value: version.label, hash: version.hash ?? undefined }];
	return [
		{ label: WORDS.version, value: version.label },
		...(version.activities ?? []).map((a) => ({
			label: a.title,
			value: a.label,
			hash: a.hash ?? undefined
		})),
		...(version.hash ? [{ label: WORDS.compilationHash, value: '', hash: version.hash }] : [])
	];
}

/**
 * The date on the cover: the day of the export for the draft, the day the version was frozen (for a
 * compilation: its latest 定稿) for a version — so a version's document carries its own date.
 */
export function coverDate(meta: ExportMeta): string {
	return formatDate(meta.version.kind === 'draft' ? meta.date : meta.version.at, meta.timeZone);
}

/** The running header of a frozen version's pages, and its footer line with the hash. */
export function versionRunning(meta: ExportMeta): { header: string; footer: string } | null {
	const { version } = meta;
	if (version.kind === 'draft' || !version.hash) return null;
	return {
		header: `${meta.title}${WORDS.gap}${version.label}`,
		footer: `${version.kind === 'compilation' ? WORDS.compilationHash : WORDS.versionHash}：${version.hash}`
	};
}

/** A chapter's line under its heading: the version it comes from and that version's hash. */
export function chapterStamp(stamp: ActivityStamp): string[] {
	return stamp.hash
		? [`${WORDS.chapterVersion}：${stamp.label}`, `${WORDS.versionHash}：${stamp.hash}`]
		: [`${WORDS.chapterVersion}：${stamp.label}`];
}

function fullBody(ctx: Context, version: VersionStamp): ExportSection[] {
	const stamps = version.activities
		? new Map(version.activities.map((a) => [a.activity, a]))
		: null;
	const shown = stamps ? ACTIVITIES.filter((a) => stamps.has(a)) : ACTIVITIES;
	return shown.map((activity: Activity) => {
		const chapter = ACTIVITY_CHAPTER[activity];
		const stamp = stamps?.get(activity);
		const title = chapterTitles.get(chapter) ?? chapter;
		const extra = {
			clause: chapter,
			number: ctx.standard ? chapter : '',
			...(stamp ? { stamp: chapterStamp(stamp) } : {})
		};
		// An activity without an approved version: the chapter says so instead of showing the draft.
		if (stamp && !stamp.hash)
			return section(
				`c-${chapter}`,
				1,
				title,
				[{ type: 'empty', text: WORDS.chapterNotFinal }],
				[],
				extra
			);
		const sections = TEMPLATES.filter((t) => t.activity === activity).map((template) => {
			const { blocks, children } = feedContent(ctx, { clause: template.clause }, 2);
			const shown: Block[] =
				blocks.length === 0 && children.length === 0
					? [{ type: 'empty', text: WORDS.sectionEmpty }]
					: blocks;
			return section(`s-${template.clause}`, 2, template.title, shown, children, {
				clause: template.clause,
				number: ctx.standard ? template.clause : ''
			});
		});
		return section(`c-${chapter}`, 1, title, [], sections, extra);
	});
}

function publicationBody(ctx: Context, parts: readonly PublicationPart[]): ExportSection[] {
	return parts.map((part, p) => {
		const lead: Block[] = [];
		for (const feed of part.lead ?? []) lead.push(...feedContent(ctx, feed, 1).blocks);
		const children = part.sections.flatMap((spec, s) => {
			const id = `p${p + 1}-s${s + 1}`;
			if ('eachItemOf' in spec) {
				// Every written item of a clause as a section of its own (9.4's 保障措施).
				const { children: items } = feedContent(
					ctx,
					{ clause: spec.eachItemOf, body: false, blocks: false },
					1
				);
				return items.map((item) => ({ ...item, id: `${id}-${item.id}`, number: '' }));
			}
			const blocks: Block[] = [];
			const nested: ExportSection[] = [];
			spec.feeds.forEach((feed, f) => {
				const got = feedContent(ctx, feed, 2);
				// Text of a later feed follows the earlier feeds' items (6.2's 调研 findings come before
				// the 6.3 text built on them): once items stand, it becomes a section of its own.
				if (nested.length > 0 && hasContent(got.blocks))
					nested.push(
						section(
							`${id}-f${f + 1}`,
							3,
							getTemplate(feed.clause)?.title ?? feed.clause,
							got.blocks,
							[],
							{
								clause: feed.clause
							}
						)
					);
				else blocks.push(...got.blocks);
				nested.push(...got.children);
			});
			if (!hasContent(blocks) && nested.length === 0) return [];
			return [section(id, 2, spec.title, blocks, nested, { clause: spec.feeds[0]?.clause })];
		});
		return section(`p${p + 1}`, 1, part.title, lead, children);
	});
}

/** The whole hash (what was signed), as four lines of 16 hex digits so a narrow column holds it. */
function hashCell(hash: string): TableCell {
	const lines = hash.match(/.{1,16}/g) ?? [];
	return {
		blocks: lines.length
			? [
					{
						type: 'paragraph',
						inlines: lines.flatMap((text, i) =>
							i === 0 ? [{ text }] : [{ break: true as const }, { text }]
						)
					}
				]
			: []
	};
}

function signoffTable(
	caption: string,
	records: readonly SignoffRecord[],
	timeZone: string
): TableBlock {
	return {
		type: 'table',
		caption,
		header: [...WORDS.signoffColumns],
		// 意见 gets the room it needs; the hash column fits 16 hex digits a line (four lines).
		widths: [8, 9, 12, 12, 25, 12, 22],
		rows: records.map((s) => {
			const cell = (text: string) => ({ blocks: text ? [textParagraph(text)] : [] });
			// The day and the time on lines of their own, so a narrow column breaks them cleanly.
			const [day, time] = formatDateTime(s.time, timeZone).split(' ');
			return [
				cell(s.name),
				cell(s.role),
				cell(s.organization),
				{
					blocks: [
						{
							type: 'paragraph',
							inlines: time ? [{ text: day }, { break: true }, { text: time }] : [{ text: day }]
						}
					]
				},
				cell(s.comment ? `${s.decision}（${s.comment}）` : s.decision),
				cell(s.subject ?? ''),
				hashCell(s.versionHash)
			] satisfies TableCell[];
		})
	};
}

/** 5.1.3 feedback on one activity's output: who, when, where, what, and the answer. */
function feedbackTable(caption: string, records: readonly FeedbackRecord[], timeZone: string) {
	const cell = (text: string) => ({ blocks: text ? [textParagraph(text)] : [] });
	return {
		type: 'table',
		caption,
		header: [...WORDS.feedbackColumns],
		widths: [15, 11, 17, 25, 12, 20],
		rows: records.map((r) => {
			// The day and the time on lines of their own, as in the sign-off table.
			const [day, time] = formatDateTime(r.time, timeZone).split(' ');
			return [
				cell(r.from),
				{
					blocks: [
						{
							type: 'paragraph',
							inlines: time ? [{ text: day }, { break: true }, { text: time }] : [{ text: day }]
						}
					]
				},
				cell(r.where),
				cell(r.text),
				cell(r.decision),
				cell(r.answer)
			] satisfies TableCell[];
		})
	} satisfies TableBlock;
}

/**
 * The sign-off record: records the source ties to an activity as one table per activity (in the
 * order the source gives them, which is time order), others in one table of their own; each
 * activity's 5.1.3 feedback (from the next activity, with its answer) in a table after its records.
 */
function signoffAppendix(input: ModelInput): { blocks: Block[]; children: ExportSection[] } {
	const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
	const feedback = input.feedback ?? [];
	if (input.signoffs.length === 0 && feedback.length === 0)
		return { blocks: [{ type: 'empty', text: WORDS.signoffNone }], children: [] };
	const loose = input.signoffs.filter((s) => !s.activity);
	const groups = new Map<string, { records: SignoffRecord[]; feedback: FeedbackRecord[] }>();
	const group = (activity: string) => {
		const found = groups.get(activity) ?? { records: [], feedback: [] };
		groups.set(activity, found);
		return found;
	};
	for (const record of input.signoffs)
		if (record.activity) group(record.activity).records.push(record);
	for (const record of feedback) group(record.activity).feedback.push(record);
	return {
		blocks: loose.length ? [signoffTable(WORDS.signoffTitle, loose, timeZone)] : [],
		children: [...groups].map(([activity, g], i) =>
			section(`a-signoff-${i + 1}`, 2, activity, [
				...(g.records.length
					? [signoffTable(`${activity}${WORDS.signoffTitle}`, g.records, timeZone)]
					: []),
				...(g.feedback.length
					? [feedbackTable(`${activity}${WORDS.feedbackTitle}`, g.feedback, timeZone)]
					: [])
			])
		)
	};
}

function consultationAppendix(input: ModelInput): { blocks: Block[]; children: ExportSection[] } {
	if (input.consultations.length === 0)
		return { blocks: [{ type: 'empty', text: WORDS.consultationNone }], children: [] };
	return {
		blocks: [],
		children: input.consultations.map((round, r) => {
			const blocks: Block[] = [];
			if (round.period) blocks.push(textParagraph(`${WORDS.consultationPeriod}：${round.period}`));
			else {
				const when = [round.from, round.to]
					.filter(Boolean)
					.map((d) => formatDate(d!, input.timeZone))
					.join('—');
				if (when) blocks.push(textParagraph(`${WORDS.date}：${when}`));
			}
			if (round.summary) blocks.push(textParagraph(round.summary));
			if (round.items.length === 0)
				blocks.push({ type: 'empty', text: WORDS.consultationEmptyRound });
			else
				blocks.push({
					type: 'table',
					caption: `${round.round}${WORDS.consultationCaption}`,
					header: [...WORDS.consultationColumns],
					widths: [6, 14, 12, 30, 10, 28],
					rows: round.items.map((item, i) =>
						[String(i + 1), item.from, item.section, item.comment, item.decision, item.reason].map(
							(text) => ({
								blocks: text ? [textParagraph(text)] : []
							})
						)
					)
				});
			return section(`a-consultation-${r + 1}`, 2, round.round, blocks);
		})
	};
}

/** Numbers every section of the plan as Chinese official documents do (unless already numbered). */
function numberTree(sections: ExportSection[], chapters: boolean): void {
	const walk = (list: ExportSection[]) => {
		let n = 0;
		for (const s of list) {
			n += 1;
			if (!s.number) s.number = planNumber(s.level, n, chapters);
			walk(s.children);
		}
	};
	walk(sections);
}

export function buildRowIndex(sections: readonly SectionContent[]): RowIndex {
	const rows: RowIndex = new Map();
	for (const content of sections)
		for (const [key, list] of Object.entries(content.blocks))
			rows.set(rowIndexKey(content.clause, key as BlockKey), list ?? []);
	return rows;
}

export function buildExportModel(input: ModelInput, options: ModelOptions): ExportDocument {
	const edition = EDITIONS[options.edition];
	const numbering: NumberingKey =
		options.edition === 'full' ? (options.numbering ?? 'plan') : 'plan';
	const ctx: Context = {
		contents: new Map(input.sections.map((s) => [s.clause, s])),
		rows: buildRowIndex(input.sections),
		standard: numbering === 'standard'
	};
	const body =
		edition.key === 'full' ? fullBody(ctx, input.version) : publicationBody(ctx, edition.parts);
	if (!ctx.standard) numberTree(body, edition.key === 'full');

	const appendices: ExportSection[] = [];
	for (const annex of edition.annexes) {
		const feed = feedContent(
			ctx,
			{ clause: annex.clause, body: false, items: false, blocks: [annex.block], details: false },
			1
		);
		appendices.push(
			section(`a-${annex.block}`, 1, annex.title, feed.blocks, feed.children, {
				clause: annex.clause
			})
		);
	}
	if (edition.records) {
		const signoff = signoffAppendix(input);
		appendices.push(section('a-signoff', 1, WORDS.signoffTitle, signoff.blocks, signoff.children));
		const consultation = consultationAppendix(input);
		appendices.push(
			section(
				'a-consultation',
				1,
				WORDS.consultationTitle,
				consultation.blocks,
				consultation.children
			)
		);
	}
	if (edition.records && input.checklist) {
		// The activities whose sections this export contains: a version states its own rules only.
		const present = new Set(input.sections.map((s) => s.clause));
		const activities = new Set(
			TEMPLATES.filter((t) => present.has(t.clause)).map((t) => t.activity)
		);
		appendices.push(
			section(
				'a-conformance',
				1,
				STATEMENT_WORDS.title,
				conformanceStatement(input.checklist, input.waivers ?? [], activities, input.timeZone)
			)
		);
	}
	appendices.forEach((a, i) => {
		a.number = appendixNumber(i + 1, edition.key);
		numberTree(a.children, false);
	});

	const meta: ExportMeta = {
		planId: input.plan.id,
		title: input.plan.title,
		city: input.plan.city,
		periodStart: input.plan.periodStart,
		periodEnd: input.plan.periodEnd,
		leadUnit: input.plan.leadUnit,
		edition: edition.key,
		editionLabel: edition.label,
		numbering,
		version: input.version,
		date: input.date,
		timeZone: input.timeZone ?? DEFAULT_TIME_ZONE
	};
	const doc: ExportDocument = { meta, body, appendices };
	numberFigures(doc, ctx.standard);
	if (input.images?.length) doc.images = Object.fromEntries(input.images.map((i) => [i.hash, i]));
	return doc;
}

/** Every section of the model in document order (body, then appendices). */
export function walkSections(doc: ExportDocument): ExportSection[] {
	const out: ExportSection[] = [];
	const walk = (list: ExportSection[]) => {
		for (const s of list) {
			out.push(s);
			walk(s.children);
		}
	};
	walk(doc.body);
	walk(doc.appendices);
	return out;
}
