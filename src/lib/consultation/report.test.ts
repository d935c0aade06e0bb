import { describe, expect, it } from 'vitest';
import { aggregateReport, csvField, toCsv, type ReportRow } from './report.ts';

const row = (over: Partial<ReportRow>): ReportRow => ({
	key: 't1',
	clause: '9.2',
	quote: '原文',
	body: '意见',
	who: '示例市东城街道居民代表',
	participantType: 'residents',
	stance: 'suggest',
	disposition: null,
	reason: null,
	createdAt: 1,
	...over
});

describe('aggregateReport', () => {
	it('groups by section in outline order and counts per type and disposition', () => {
		const report = aggregateReport(
			[
				row({ key: 't1', clause: '9.3', disposition: 'partial', createdAt: 3 }),
				row({ key: 't2', clause: '9.2', disposition: 'adopted', participantType: 'enterprise' }),
				row({ key: 'p1', clause: '9.3', participantType: 'public', createdAt: 2 })
			],
			[
				{ clause: '9.1', title: '一' },
				{ clause: '9.2', title: '二' },
				{ clause: '9.3', title: '三' }
			]
		);
		expect(report.sections.map((s) => s.clause)).toEqual(['9.2', '9.3']);
		expect(report.sections[1].rows.map((r) => r.key)).toEqual(['p1', 't1']);
		expect(report.counts.residents.partial).toBe(1);
		expect(report.counts.enterprise.adopted).toBe(1);
		expect(report.counts.public.pending).toBe(1);
		expect(report.counts.experts).toEqual({ adopted: 0, partial: 0, rejected: 0, pending: 0 });
		expect(report.totals).toEqual({ adopted: 1, partial: 1, rejected: 0, pending: 1 });
		expect(report.total).toBe(3);
	});
});

describe('CSV', () => {
	it('quotes commas, quotes and line breaks', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('他说"好"')).toBe('"他说""好"""');
		expect(csvField('一\n二')).toBe('"一\n二"');
		expect(csvField(3)).toBe('3');
		expect(csvField('普通')).toBe('普通');
	});

	it('defuses spreadsheet formulas', () => {
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('+1')).toBe("'+1");
		expect(csvField('-')).toBe("'-");
	});

	it('starts with a BOM and ends lines with CRLF', () => {
		const csv = toCsv(['序号', '意见'], [[1, '好,的']]);
		expect(csv.startsWith('\uFEFF序号,意见\r\n')).toBe(true);
		expect(csv).toBe('\uFEFF序号,意见\r\n1,"好,的"\r\n');
	});
});
