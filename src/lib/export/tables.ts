/**
 * Structured blocks → tables of the export model, from the block declarations in
 * src/lib/templates/blocks: headers are the fields' labels (with units), enum values their option
 * labels, references the referenced rows' names. Each block has a summary table sized for A4
 * portrait; the fields it leaves out follow as one detail paragraph per row in the full report, so
 * an export never loses what was written.
 */
import { formatDay } from '../dates.ts';
import { buildTree, flatten, type FlatNode } from '../collab/tree.ts';
import {
	BLOCKS,
	BUSINESS_LEVEL_LABELS,
	type BlockKey,
	type FieldDecl
} from '../templates/blocks/index.ts';
import { fiscalYears, formatShare } from '../conformance/fiscal.ts';
import { parseRows } from '../templates/blocks/parse.ts';
import { textParagraph } from './prose.ts';
import { WORDS } from './vocabulary.ts';
import type { Block, TableBlock, TableCell } from './types.ts';

export type PlainRow = Record<string, unknown> & { id: string };

/** Rows of every block of every section, to resolve references across sections. */
export type RowIndex = Map<string, PlainRow[]>;

export function rowIndexKey(section: string, block: BlockKey): string {
	return `${section}#${block}`;
}

const NAME_FIELDS = ['name', 'statement', 'layer'] as const;

function str(value: unknown): string {
	if (value === null || value === undefined) return '';
	return String(value).trim();
}

/**
 * What a row is called where another row points at it: the whole name — running text is never cut
 * with "…" (a reader of the printed plan cannot expand it).
 */
export function rowName(block: BlockKey, row: PlainRow): string {
	for (const key of NAME_FIELDS) {
		const field = BLOCKS[block].fields.find((f) => f.key === key);
		const value = field
			? formatValue(field, row[key], new Map()).replace(/[。；;，,\s]+$/u, '')
			: '';
		if (value) return value;
	}
	return '';
}

/** A calendar day (YYYY-MM-DD) as 2026年12月6日: no instant, so no zone. */
function formatDate(value: string): string {
	return formatDay(value);
}

/** Amounts as officials print them: thousands separated by commas, at most four decimals. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatNumber(value: unknown): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) return str(value);
	return NUMBER_FORMAT.format(value);
}

export function formatValue(field: FieldDecl, value: unknown, rows: RowIndex): string {
	switch (field.kind) {
		case 'text':
		case 'longtext':
			return str(value);
		case 'number':
			return formatNumber(value);
		case 'integer':
		case 'year':
			return typeof value === 'number' ? String(value) : str(value);
		case 'date':
			return formatDate(str(value));
		case 'enum':
			return field.options.find((o) => o.value === value)?.label ?? str(value);
		case 'reference': {
			const ids = (Array.isArray(value) ? value : [value]).filter(
				(id): id is string => typeof id === 'string' && id.length > 0
			);
			const targets = rows.get(rowIndexKey(field.section, field.block)) ?? [];
			return ids
				.map((id) => {
					const target = targets.find((r) => r.id === id);
					return target ? rowName(field.block, target) : '';
				})
				.filter(Boolean)
				.join('、');
		}
	}
}

function fieldOf(block: BlockKey, key: string): FieldDecl {
	const field = BLOCKS[block].fields.find((f) => f.key === key);
	if (!field) throw new Error(`block ${block} has no field ${key}`);
	return field;
}

function header(field: FieldDecl): string {
	return field.kind === 'number' && field.unit ? `${field.label}（${field.unit}）` : field.label;
}

interface Column {
	header: string;
	width: number;
	numeric?: boolean;
	value(row: PlainRow, rows: RowIndex): string;
}

function col(block: BlockKey, key: string, width: number): Column {
	const field = fieldOf(block, key);
	return {
		header: header(field),
		width,
		numeric: field.kind === 'number',
		value: (row, rows) => formatValue(field, row[key], rows)
	};
}

function span(value: (row: PlainRow) => [string, string]): Column['value'] {
	return (row) => {
		const [a, b] = value(row);
		if (a && b) return a === b ? a : `${a}—${b}`;
		return a || b;
	};
}

function yearOrEmpty(value: unknown): string {
	return typeof value === 'number' ? String(value) : '';
}

function monthOf(value: unknown): string {
	const match = /^(\d{4})-(\d{2})/.exec(str(value));
	return match ? `${Number(match[1])}年${Number(match[2])}月` : '';
}

/**
 * A computed cell of the 财政承受能力 table: the row's year in conformance/fiscal.ts's sums, with the
 * plan's 财政资金 taken from the funding table (the same numbers the rules check).
 */
function fiscal(key: 'planFiscal' | 'fiscalShare' | 'pppShare'): Column['value'] {
	return (row, rows) => {
		const capacity = parseRows(BLOCKS.fiscalCapacity, [row]);
		const funding = parseRows(BLOCKS.funding, rows.get(rowIndexKey('9.1', 'funding')) ?? []);
		const year = fiscalYears(funding, capacity).find((y) => y.year === capacity[0]?.year);
		const value = year?.[key];
		if (value === null || value === undefined) return '';
		return key === 'planFiscal' ? formatNumber(value) : formatShare(value);
	};
}

interface TableView {
	columns: Column[];
	/** Fields left out of the table, shown as detail paragraphs in the full report. */
	details: string[];
	/** Sum of a numeric field in a 合计 row. */
	total?: string;
}

/** A field's column (`[key, width]`) or a computed one, in the order the table shows them. */
type ColumnSpec = readonly [key: string, width: number] | Column;

function columnsOf(block: BlockKey, ...specs: ColumnSpec[]): Column[] {
	return specs.map((spec) => ('header' in spec ? spec : col(block, spec[0], spec[1])));
}

/** 建设周期 of a project (key projects and the project library): its first and last year. */
const PROJECT_PERIOD: Column = {
	header: WORDS.projectPeriod,
	width: 14,
	value: span((row) => [yearOrEmpty(row.startYear), yearOrEmpty(row.endYear)])
};

const VIEWS: { [K in BlockKey]: TableView } = {
	needs: {
		columns: columnsOf(
			'needs',
			['statement', 40],
			['category', 18],
			['stakeholder', 9],
			['origin', 18],
			['priority', 9]
		),
		details: ['deferral']
	},
	indicators: {
		columns: columnsOf(
			'indicators',
			['code', 10],
			['level1', 12],
			['level2', 12],
			['name', 18],
			['attribute', 8],
			['current', 10],
			['target', 10],
			['unit', 7]
		),
		details: ['source', 'weight', 'baseYear', 'method', 'dataSource', 'score', 'note']
	},
	goals: {
		columns: columnsOf(
			'goals',
			['level', 10],
			['statement', 30],
			['indicator', 16],
			['baseline', 8],
			['target', 8],
			['unit', 8],
			['deadline', 9],
			['owner', 14]
		),
		details: ['parent', 'indicatorRef', 'alignedPlans', 'plans', 'tasks', 'outcomes', 'needs']
	},
	architectureLayers: {
		columns: columnsOf(
			'architectureLayers',
			['layer', 14],
			['name', 16],
			['elements', 40],
			['approach', 30]
		),
		details: []
	},
	businessTree: { columns: [], details: [] },
	systems: {
		columns: columnsOf('systems', ['name', 20], ['mode', 10], ['functions', 45], ['owner', 18]),
		details: ['goal', 'content', 'interfaces', 'interfaceNotes']
	},
	keyProjects: {
		columns: columnsOf(
			'keyProjects',
			['name', 20],
			['content', 40],
			PROJECT_PERIOD,
			['budget', 12],
			['leadUnit', 16]
		),
		details: ['goal', 'mode', 'domain', 'priority', 'needs', 'goals'],
		total: 'budget'
	},
	operatingModel: {
		columns: columnsOf(
			'operatingModel',
			['project', 18],
			['model', 16],
			['rationale', 24],
			['responsibilities', 24],
			['financing', 18]
		),
		details: []
	},
	phases: {
		columns: columnsOf(
			'phases',
			['name', 14],
			{
				header: WORDS.phasePeriod,
				width: 14,
				value: span((row) => [monthOf(row.start), monthOf(row.end)])
			},
			['tasks', 34],
			['outcomes', 24],
			['projects', 20]
		),
		details: ['goals', 'budget']
	},
	planRegister: {
		columns: columnsOf(
			'planRegister',
			['name', 30],
			['level', 10],
			['issuer', 18],
			['year', 10],
			['alignment', 32]
		),
		details: ['content']
	},
	funding: {
		columns: columnsOf(
			'funding',
			['project', 22],
			['year', 8],
			['kind', 8],
			['fiscal', 12],
			['bond', 12],
			['social', 12],
			['other', 12]
		),
		details: ['note']
	},
	dataCatalog: {
		columns: columnsOf(
			'dataCatalog',
			['name', 18],
			['provider', 16],
			['business', 22],
			['systems', 22],
			['sharing', 12]
		),
		details: ['consumers', 'operations', 'protection', 'frequency']
	},
	fiscalCapacity: {
		columns: columnsOf(
			'fiscalCapacity',
			['year', 8],
			['budget', 18],
			{ header: WORDS.planFiscal, width: 16, numeric: true, value: fiscal('planFiscal') },
			{ header: WORDS.fiscalShare, width: 14, numeric: true, value: fiscal('fiscalShare') },
			['pppObligations', 18],
			{ header: WORDS.pppShare, width: 14, numeric: true, value: fiscal('pppShare') }
		),
		details: ['source']
	},
	projectLibrary: {
		columns: columnsOf(
			'projectLibrary',
			['name', 24],
			['unit', 18],
			PROJECT_PERIOD,
			['investment', 12],
			['source', 18]
		),
		details: ['prerequisites', 'keyProject'],
		total: 'investment'
	}
};

function cell(text: string, numeric = false, indent = 0): TableCell {
	const out: TableCell = { blocks: text ? [textParagraph(text)] : [] };
	if (numeric) out.numeric = true;
	if (indent) out.indent = indent;
	return out;
}

function isEmptyRow(block: BlockKey, row: PlainRow): boolean {
	return BLOCKS[block].fields.every((f) => {
		const value = row[f.key];
		return (
			value === null ||
			value === undefined ||
			value === '' ||
			(Array.isArray(value) && value.length === 0)
		);
	});
}

function businessTreeTable(rows: PlainRow[]): TableBlock {
	const block = 'businessTree';
	const nodes = rows.map((r) => ({
		...r,
		parent: typeof r.parent === 'string' ? r.parent : null
	})) as (PlainRow & FlatNode)[];
	const tree = flatten(buildTree(nodes));
	const extra = ['provider', 'audience', 'channel', 'description'].map((k) => fieldOf(block, k));
	return {
		type: 'table',
		caption: WORDS.businessTreeCaption,
		header: [...BUSINESS_LEVEL_LABELS.map((l) => `${l}${WORDS.business}`), ...extra.map(header)],
		widths: [14, 16, 18, 12, 12, 12, 24],
		rows: tree.map(({ node, depth }) => {
			const level = Math.min(depth, BUSINESS_LEVEL_LABELS.length);
			const name = str(node.name);
			return [
				...BUSINESS_LEVEL_LABELS.map((_, i) =>
					cell(i + 1 === level ? name : '', false, i + 1 === level ? level - 1 : 0)
				),
				...extra.map((f) => cell(formatValue(f, node[f.key], new Map())))
			];
		})
	};
}

/**
 * The table (and, with `details`, the detail paragraphs) of one block. Empty blocks give an 暂无 line.
 */
export function blockTables(
	block: BlockKey,
	rawRows: readonly PlainRow[],
	rows: RowIndex,
	options: { details: boolean }
): Block[] {
	const list = rawRows.filter((r) => !isEmptyRow(block, r));
	if (list.length === 0) return [{ type: 'empty', text: `${BLOCKS[block].label}：${WORDS.none}` }];
	if (block === 'businessTree') return [businessTreeTable(list)];
	const view = VIEWS[block];
	const table: TableBlock = {
		type: 'table',
		caption: BLOCKS[block].label,
		header: [WORDS.serial, ...view.columns.map((c) => c.header)],
		widths: [6, ...view.columns.map((c) => c.width)],
		rows: list.map((row, i) => [
			cell(String(i + 1)),
			...view.columns.map((c) => cell(c.value(row, rows), c.numeric))
		])
	};
	if (view.total) {
		const field = fieldOf(block, view.total);
		const sum = list.reduce(
			(acc, row) => acc + (typeof row[view.total!] === 'number' ? (row[view.total!] as number) : 0),
			0
		);
		const index = view.columns.findIndex((c) => c.header === header(field));
		table.footer = [
			{ ...cell(WORDS.total), colspan: index + 1 },
			cell(formatNumber(sum), true),
			...view.columns.slice(index + 1).map(() => cell(''))
		];
		if (field.kind === 'number' && field.unit) table.note = `${WORDS.unit}：${field.unit}`;
	}
	const out: Block[] = [table];
	if (options.details && view.details.length > 0) {
		const fields = view.details.map((k) => fieldOf(block, k));
		list.forEach((row, i) => {
			const parts = fields
				.map((f) => [f.label, formatValue(f, row[f.key], rows)] as const)
				.filter(([, value]) => value);
			if (parts.length === 0) return;
			const name = rowName(block, row) || `${BLOCKS[block].rowLabel}${i + 1}`;
			out.push({
				type: 'paragraph',
				inlines: [
					{ text: `（${i + 1}）${name}。`, bold: true },
					{
						text:
							parts
								.map(([label, value]) => `${label}：${value.replace(/[。；;，,\s]+$/u, '')}`)
								.join('；') + '。'
					}
				]
			});
		});
	}
	return out;
}
