/** The 意见采纳情况说明 of a round as files: CSV (UTF-8 with BOM) and a 公文-style DOCX. */
import { PARTICIPANT_TYPES, periodText } from '../../consultation/period.ts';
import { DISPOSITION_COLUMNS, toCsv } from '../../consultation/report.ts';
import {
	ACTIVITY_WORDS,
	DISPOSITION_WORDS,
	PARTICIPANT_WORDS,
	REPORT_WORDS as W,
	STANCE_WORDS
} from '../../consultation/vocabulary.ts';
import { formatDate } from '../../dates.ts';
import type { Block, TableCell } from '../../export/types.ts';
import { renderOfficialDocx } from '../export/docx.ts';
import type { RoundReport } from './report.ts';

export function reportFileName(report: RoundReport, ext: 'csv' | 'docx'): string {
	return `${ACTIVITY_WORDS[report.round.activity]}征求意见稿（第${report.round.versionSeq}版）${W.title}.${ext}`;
}

export function reportCsv(report: RoundReport): string {
	const header = [
		W.serial,
		W.section,
		W.quote,
		W.comment,
		W.who,
		W.participantType,
		W.stance,
		W.disposition,
		W.reason
	];
	let n = 0;
	const rows = report.sections.flatMap((section) =>
		section.rows.map((r) => [
			++n,
			`${section.clause} ${section.title}`,
			r.quote,
			r.body,
			r.who,
			PARTICIPANT_WORDS[r.participantType],
			STANCE_WORDS[r.stance],
			DISPOSITION_WORDS[r.disposition ?? 'pending'],
			r.reason ?? ''
		])
	);
	// The period after the table (a blank row between), so the header stays the first line.
	return toCsv(header, [...rows, [], [W.period, periodText(report.round)]]);
}

const cell = (text: string | number, numeric = false): TableCell => ({
	blocks: [{ type: 'paragraph', inlines: [{ text: String(text) }] }],
	numeric
});
const paragraph = (text: string): Block => ({ type: 'paragraph', inlines: [{ text }] });
const heading = (text: string): Block => ({
	type: 'subheading',
	depth: 1,
	inlines: [{ text }]
});

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function reportBlocks(report: RoundReport): Block[] {
	const { round } = report;
	const out: Block[] = [];
	out.push(
		paragraph(
			`《${round.planName}》${ACTIVITY_WORDS[round.activity]}征求意见稿（第${round.versionSeq}版）公开征求意见，征求对象为${round.groups.map((g) => PARTICIPANT_WORDS[g]).join('、')}${round.hasPublicLink ? `及${PARTICIPANT_WORDS.public}` : ''}。`
		)
	);
	out.push(paragraph(`${W.period}：${periodText(round)}`));
	if (round.shortReason) out.push(paragraph(`${W.shortReason}：${round.shortReason}`));
	out.push(paragraph(`${W.versionHash}：${round.hash}`));
	out.push(
		paragraph(
			report.total === 0
				? W.noComments
				: W.summary(
						report.total,
						report.totals.adopted,
						report.totals.partial,
						report.totals.rejected,
						report.totals.pending
					)
		)
	);
	let h = 0;
	out.push(heading(`${CHINESE_NUMBERS[h++]}、${W.countsCaption}`));
	const types = PARTICIPANT_TYPES.filter((t) =>
		t !== 'public' ? round.groups.includes(t) : round.hasPublicLink
	);
	out.push({
		type: 'table',
		caption: W.countsCaption,
		header: [W.participantType, ...DISPOSITION_COLUMNS.map((c) => DISPOSITION_WORDS[c]), W.total],
		widths: [3, 2, 2, 2, 2, 2],
		rows: types.map((t) => {
			const c = report.counts[t];
			return [
				cell(PARTICIPANT_WORDS[t]),
				...DISPOSITION_COLUMNS.map((d) => cell(c[d], true)),
				cell(
					DISPOSITION_COLUMNS.reduce((a, d) => a + c[d], 0),
					true
				)
			];
		}),
		footer: [
			cell(W.total),
			...DISPOSITION_COLUMNS.map((d) => cell(report.totals[d], true)),
			cell(report.total, true)
		]
	});
	for (const section of report.sections) {
		out.push(heading(`${CHINESE_NUMBERS[h++] ?? h}、${section.clause} ${section.title}`));
		out.push({
			type: 'table',
			caption: `${section.clause} ${section.title}${W.title}`,
			header: [W.serial, W.comment, W.who, W.stance, W.disposition, W.reason],
			widths: [1, 6, 3, 1.5, 2, 5],
			rows: section.rows.map((r, i) => [
				cell(i + 1, true),
				{
					blocks: [
						{ type: 'paragraph', inlines: [{ text: `“${r.quote}”`, italic: true }] },
						paragraph(r.body)
					]
				},
				cell(`${r.who}（${PARTICIPANT_WORDS[r.participantType]}）`),
				cell(STANCE_WORDS[r.stance]),
				cell(DISPOSITION_WORDS[r.disposition ?? 'pending']),
				cell(r.reason ?? '')
			])
		});
	}
	return out;
}

export function reportDocx(report: RoundReport, generatedAt = Date.now()): Promise<Uint8Array> {
	const { round } = report;
	return renderOfficialDocx({
		title: `${ACTIVITY_WORDS[round.activity]}征求意见稿${W.title}`,
		subtitle: [`《${round.planName}》`, formatDate(generatedAt)],
		blocks: reportBlocks(report),
		description: `${W.version} ${round.hash}`
	});
}
