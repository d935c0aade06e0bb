/**
 * The design report's conformance statement (符合性声明): each required rule of GB/T 36333-2018 that
 * the checklist applies to the exported content, and whether it is met, waived (with the reason given
 * when the activity went to review and who gave it), or still open. Computed from the same content
 * the report prints, so the statement cannot disagree with the chapters above it.
 */
import { formatDate } from '../dates.ts';
import type { PlanChecklist, RuleResult } from '../conformance/types.ts';
import type { Activity } from '../standard/sections.ts';
import { textParagraph } from './prose.ts';
import type { Block, TableBlock } from './types.ts';

/** The reason an activity went to review with required items open, as the workflow recorded it. */
export interface ActivityWaiver {
	activity: Activity;
	reason: string;
	by: string;
	/** ISO time of the submission. */
	at: string;
}

export const STATEMENT_WORDS = {
	title: '符合性声明',
	intro:
		'下表列出 GB/T 36333—2018《智慧城市 顶层设计指南》中本平台作为必须满足项检查的各项要求，以及本文件对每项要求的满足情况。能由平台检查的要求，结论依据本文件内容自动检查得出；不能由平台判断的要求，由审查人人工确认，列出确认人和日期，确认后内容有变更的须重新确认；豁免项列出提交审查时填写的理由和提交人。',
	caption: '必须满足项的符合情况',
	columns: ['序号', '条款', '要求', '结论', '依据或理由', '确认人或豁免人'],
	met: '满足',
	waived: '豁免',
	open: '未满足',
	unconfirmed: '未确认',
	machine: '平台自动检查',
	manual: '审查人人工确认',
	manualNeeded: '须审查人人工确认',
	stale: '确认后内容已变更，须重新确认',
	none: '本文件不含可检查的章节。',
	summary: (met: number, waived: number, open: number) =>
		`共 ${met + waived + open} 项：满足 ${met} 项，豁免 ${waived} 项，未满足 ${open} 项。`,
	manualSummary: (confirmed: number, unconfirmed: number) =>
		`其中需人工确认的 ${confirmed + unconfirmed} 项：已确认 ${confirmed} 项，未确认 ${unconfirmed} 项。`
} as const;

function text(value: string) {
	return { blocks: value ? [textParagraph(value)] : [] };
}

interface Row {
	result: RuleResult;
	waiver?: ActivityWaiver;
}

/** 结论, 依据或理由, 确认人或豁免人 of one rule, and how it counts. */
function verdict(
	{ result, waiver }: Row,
	timeZone?: string
): { cells: [string, string, string]; counts: 'met' | 'waived' | 'open' } {
	const who = (by: string, at: string) => `${by}（${formatDate(at, timeZone)}）`;
	const manual = result.manual;
	if (result.status === 'pass')
		return manual && manual.state === 'confirmed'
			? {
					cells: [STATEMENT_WORDS.met, STATEMENT_WORDS.manual, who(manual.by, manual.at)],
					counts: 'met'
				}
			: { cells: [STATEMENT_WORDS.met, STATEMENT_WORDS.machine, ''], counts: 'met' };
	if (waiver)
		return {
			cells: [STATEMENT_WORDS.waived, waiver.reason, who(waiver.by, waiver.at)],
			counts: 'waived'
		};
	if (!manual) return { cells: [STATEMENT_WORDS.open, '', ''], counts: 'open' };
	return manual.state === 'stale'
		? {
				cells: [STATEMENT_WORDS.unconfirmed, STATEMENT_WORDS.stale, who(manual.by, manual.at)],
				counts: 'open'
			}
		: { cells: [STATEMENT_WORDS.unconfirmed, STATEMENT_WORDS.manualNeeded, ''], counts: 'open' };
}

/**
 * The statement's blocks. `activities` limits it to the activities the export contains (a version of
 * one activity states that activity's rules); plan-wide rules are recommended ones today, and a
 * required one would be listed with every export. A manual check counts as met only while its
 * confirmation holds for the exported content.
 */
export function conformanceStatement(
	checklist: PlanChecklist,
	waivers: readonly ActivityWaiver[],
	activities: ReadonlySet<Activity>,
	timeZone?: string
): Block[] {
	const rows: Row[] = [];
	for (const result of checklist.plan)
		if (result.level === 'required' && result.status !== 'na') rows.push({ result });
	for (const section of checklist.sections) {
		if (!activities.has(section.activity)) continue;
		const waiver = waivers.find((w) => w.activity === section.activity);
		for (const result of section.results)
			if (result.level === 'required' && result.status !== 'na') rows.push({ result, waiver });
	}
	if (rows.length === 0) return [{ type: 'empty', text: STATEMENT_WORDS.none }];
	const counts = { met: 0, waived: 0, open: 0 };
	const manual = { confirmed: 0, unconfirmed: 0 };
	const table: TableBlock = {
		type: 'table',
		caption: STATEMENT_WORDS.caption,
		header: [...STATEMENT_WORDS.columns],
		widths: [6, 10, 34, 8, 26, 16],
		rows: rows.map((row, i) => {
			const { cells, counts: counted } = verdict(row, timeZone);
			counts[counted] += 1;
			if (row.result.manual)
				manual[row.result.manual.state === 'confirmed' ? 'confirmed' : 'unconfirmed'] += 1;
			return [
				text(String(i + 1)),
				text(row.result.clause),
				text(row.result.label),
				...cells.map(text)
			];
		})
	};
	const manualCount = manual.confirmed + manual.unconfirmed;
	return [
		textParagraph(STATEMENT_WORDS.intro),
		textParagraph(STATEMENT_WORDS.summary(counts.met, counts.waived, counts.open)),
		...(manualCount > 0
			? [textParagraph(STATEMENT_WORDS.manualSummary(manual.confirmed, manual.unconfirmed))]
			: []),
		table
	];
}
