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
import { promisify } from 'node:util';
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib';
import { strFromU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
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

/** The cells of one opinion's row in its section's table. */
function opinionCells(r: RowTexts): TableCell[] {
	return [
		cell(r.serial, true),
		{
			blocks: [{ type: 'paragraph', inlines: [{ text: r.quote, italic: true }] }, paragraph(r.body)]
		},
		cell(r.who),
		cell(r.stance),
		cell(r.disposition),
		cell(r.reason)
	];
}

interface RowTexts {
	serial: string;
	quote: string;
	body: string;
	who: string;
	stance: string;
	disposition: string;
	reason: string;
}

function rowTexts(r: RoundReport['sections'][number]['rows'][number], i: number): RowTexts {
	return {
		serial: String(i + 1),
		quote: `“${r.quote}”`,
		body: r.body,
		who: `${r.who}（${PARTICIPANT_WORDS[r.participantType]}）`,
		stance: STANCE_WORDS[r.stance],
		disposition: DISPOSITION_WORDS[r.disposition ?? 'pending'],
		reason: r.reason ?? ''
	};
}

/** A placeholder the XML pass below replaces: a private-use character around section and field. */
const token = (section: number, field: keyof RowTexts) => `\uE000${section}:${field}\uE000`;
const TOKEN = /\uE000(\d+):(\w+)\uE000/g;

/**
 * The report's blocks. `templated`: each section's table holds one row of placeholders instead of
 * its opinions (reportDocx repeats it in the XML).
 */
export function reportBlocks(report: RoundReport, templated = false): Block[] {
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
	for (const [k, section] of report.sections.entries()) {
		out.push(heading(`${CHINESE_NUMBERS[h++] ?? h}、${section.clause} ${section.title}`));
		out.push({
			type: 'table',
			caption: `${section.clause} ${section.title}${W.title}`,
			header: [W.serial, W.comment, W.who, W.stance, W.disposition, W.reason],
			widths: [1, 6, 3, 1.5, 2, 5],
			rows: templated
				? [
						opinionCells({
							serial: token(k, 'serial'),
							quote: token(k, 'quote'),
							body: token(k, 'body'),
							who: token(k, 'who'),
							stance: token(k, 'stance'),
							disposition: token(k, 'disposition'),
							reason: token(k, 'reason')
						})
					]
				: section.rows.map((r, i) => opinionCells(rowTexts(r, i)))
		});
	}
	return out;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (text: string) => text.replace(/[&<>]/g, (c) => XML_ESCAPES[c]);

/**
 * Repeats each section's placeholder row of word/document.xml for the section's opinions: the
 * docx library builds an object tree per cell (about 2 ms a row, 20 s for 10,000 opinions), while
 * the XML of a row differs from the next only in its texts. The row is split once into its fixed
 * XML and its fields; the document comes out as a sequence of pieces, never as one string (40 MB
 * at 10,000 opinions: building, encoding and collecting it cost more than everything else).
 */
function* documentPieces(xml: string, report: RoundReport): Generator<string> {
	let from = 0;
	for (const [k, section] of report.sections.entries()) {
		const at = xml.indexOf(token(k, 'serial'), from);
		const start = Math.max(xml.lastIndexOf('<w:tr>', at), xml.lastIndexOf('<w:tr ', at));
		const end = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
		if (at < 0 || start < from) throw new Error(`report template row ${k} not found`);
		yield xml.slice(from, start);
		// [fixed, section, field, fixed, section, field, …, fixed]
		const split = xml.slice(start, end).split(TOKEN);
		const fixed = split.filter((_, i) => i % 3 === 0);
		const fields = split.filter((_, i) => i % 3 === 2) as (keyof RowTexts)[];
		for (const [i, r] of section.rows.entries()) {
			const texts = rowTexts(r, i);
			let row = fixed[0];
			for (let f = 0; f < fields.length; f++) row += escapeXml(texts[fields[f]]) + fixed[f + 1];
			yield row;
		}
		from = end;
	}
	yield xml.slice(from);
}

/** A deflated ZIP entry: its bytes, and the size and CRC-32 of what they inflate to. */
interface Deflated {
	size: number;
	crc: number;
	deflated: Uint8Array<ArrayBuffer>;
}

/** About this many characters are encoded at a time (a few hundred KiB of UTF-8). */
const BATCH_CHARS = 128 * 1024;

/**
 * Text given in pieces, deflated by Node's zlib stream: batches are encoded and handed to zlib
 * (which works in libuv's thread pool, off the event loop) as they are made, so neither the text
 * nor its bytes exist whole.
 */
async function deflatePieces(pieces: Iterable<string>): Promise<Deflated> {
	// Large output chunks: fewer round trips between zlib's thread and the event loop.
	const stream = createDeflateRaw({ level: 6, chunkSize: 256 * 1024 });
	const out: Buffer[] = [];
	stream.on('data', (chunk: Buffer) => out.push(chunk));
	const ended = new Promise<void>((resolve, reject) => {
		stream.once('end', resolve);
		stream.once('error', reject);
	});
	let size = 0;
	let crc = 0;
	let batch = '';
	const flush = async () => {
		const bytes = Buffer.from(batch, 'utf8');
		batch = '';
		size += bytes.length;
		crc = crc32(bytes, crc);
		if (!stream.write(bytes)) await once(stream, 'drain');
	};
	for (const piece of pieces) {
		batch += piece;
		if (batch.length >= BATCH_CHARS) await flush();
	}
	await flush();
	stream.end();
	await ended;
	return { size, crc, deflated: Buffer.concat(out) };
}

export async function reportDocx(
	report: RoundReport,
	generatedAt = Date.now()
): Promise<Uint8Array> {
	const { round } = report;
	const file = await renderOfficialDocx({
		title: `${ACTIVITY_WORDS[round.activity]}征求意见稿${W.title}`,
		subtitle: [`《${round.planName}》`, formatDate(generatedAt)],
		blocks: reportBlocks(report, true),
		description: `${W.version} ${round.hash}`
	});
	const parts = unzipSync(file);
	const name = 'word/document.xml';
	const document = await deflatePieces(documentPieces(strFromU8(parts[name]), report));
	return packZip(parts, { [name]: document });
}

const deflateRawAsync = promisify(deflateRaw);

/**
 * The parts as a ZIP, each deflated by Node's own zlib in libuv's thread pool (off the event loop;
 * seconds less than fflate's JavaScript deflate at 10,000 opinions), or given deflated already;
 * fflate writes the container around the deflated bytes.
 */
async function packZip(
	parts: Record<string, Uint8Array>,
	ready: Record<string, Deflated>
): Promise<Uint8Array> {
	const entries = await Promise.all(
		Object.entries(parts).map(
			async ([filename, data]): Promise<Deflated & { filename: string }> => ({
				filename,
				...(ready[filename] ?? {
					size: data.length,
					crc: crc32(data),
					deflated: await deflateRawAsync(data, { level: 6 })
				})
			})
		)
	);
	const chunks: Uint8Array[] = [];
	let failure: Error | null = null;
	const archive = new Zip((error, chunk) => {
		if (error) failure = error;
		else chunks.push(chunk);
	});
	for (const entry of entries) {
		const file: ZipInputFile = {
			filename: entry.filename,
			size: entry.size,
			crc: entry.crc,
			compression: 8
		};
		archive.add(file);
		file.ondata?.(null, entry.deflated, true);
	}
	archive.end();
	if (failure) throw failure;
	return Buffer.concat(chunks);
}
