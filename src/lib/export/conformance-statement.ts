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
		'下表列出 GB/T 36333—2018《智慧城市 顶层设计指南》中本平台作为必须满足项检查的各项要求，以及本文件对每项要求的满足情况。结论由平台依据本文件内容自动检查得出；豁免项列出提交审查时填写的理由和提交人。',
	caption: '必须满足项的符合情况',
	columns: ['序号', '条款', '要求', '结论', '豁免理由', '豁免人'],
	met: '满足',
	waived: '豁免',
	open: '未满足',
	none: '本文件不含可检查的章节。',
	summary: (met: number, waived: number, open: number) =>
		`共 ${met + waived + open} 项：满足 ${met} 项，豁免 ${waived} 项，未满足 ${open} 项。`
} as const;

function text(value: string) {
	return { blocks: value ? [textParagraph(value)] : [] };
}

/**
 * The statement's blocks. `activities` limits it to the activities the export contains (a version of
 * one activity states that activity's rules); plan-wide rules are recommended ones today, and a
 * required one would be listed with every export.
 */
export function conformanceStatement(
	checklist: PlanChecklist,
	waivers: readonly ActivityWaiver[],
	activities: ReadonlySet<Activity>,
	timeZone?: string
): Block[] {
	const rows: { result: RuleResult; waiver?: ActivityWaiver }[] = [];
	for (const result of checklist.plan)
		if (result.level === 'required' && result.status !== 'na') rows.push({ result });
	for (const section of checklist.sections) {
		if (!activities.has(section.activity)) continue;
		const waiver = waivers.find((w) => w.activity === section.activity);
		for (const result of section.results)
			if (result.level === 'required' && result.status !== 'na') rows.push({ result, waiver });
	}
	if (rows.length === 0) return [{ type: 'empty', text: STATEMENT_WORDS.none }];
	let met = 0;
	let waived = 0;
	let open = 0;
	const table: TableBlock = {
		type: 'table',
		caption: STATEMENT_WORDS.caption,
		header: [...STATEMENT_WORDS.columns],
		widths: [6, 10, 34, 8, 26, 16],
		rows: rows.map(({ result, waiver }, i) => {
			const passed = result.status === 'pass';
			const isWaived = !passed && !!waiver;
			if (passed) met += 1;
			else if (isWaived) waived += 1;
			else open += 1;
			const verdict = passed
				? STATEMENT_WORDS.met
				: isWaived
					? STATEMENT_WORDS.waived
					: STATEMENT_WORDS.open;
			return [
				text(String(i + 1)),
				text(result.clause),
				text(result.label),
				text(verdict),
				text(isWaived ? waiver.reason : ''),
				text(isWaived ? `${waiver.by}（${formatDate(waiver.at, timeZone)}）` : '')
			];
		})
	};
	return [
		textParagraph(STATEMENT_WORDS.intro),
		textParagraph(STATEMENT_WORDS.summary(met, waived, open)),
		table
	];
}
