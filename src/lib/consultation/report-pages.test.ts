import { describe, expect, it } from 'vitest';
import type { ReportRow, ReportSection } from './report.ts';
import { pageLinks, reportPage, reportPageQuery } from './report-pages.ts';

const row = (
	clause: string,
	i: number,
	disposition: ReportRow['disposition'] = null
): ReportRow => ({
	key: `t${clause}${i}`,
	clause,
	quote: 'q',
	body: `意见${i}`,
	who: '某单位',
	participantType: 'government',
	stance: 'suggest',
	disposition,
	reason: null,
	createdAt: i
});
const sections: ReportSection[] = [
	{ clause: '6.1', title: '甲', rows: Array.from({ length: 150 }, (_, i) => row('6.1', i)) },
	{
		clause: '6.2',
		title: '乙',
		rows: Array.from({ length: 60 }, (_, i) => row('6.2', i, i % 2 ? 'adopted' : null))
	}
];

describe('reportPage', () => {
	it('pages all rows 100 at a time, keeping each section’s serial numbers', () => {
		const first = reportPage(sections, { page: 1 });
		expect([first.matched, first.pages]).toEqual([210, 3]);
		expect(first.sections.map((s) => [s.clause, s.rows.length])).toEqual([['6.1', 100]]);
		const second = reportPage(sections, { page: 2 });
		expect(second.sections.map((s) => [s.clause, s.rows.length])).toEqual([
			['6.1', 50],
			['6.2', 50]
		]);
		expect(second.sections[0].rows[0].serial).toBe(101);
		expect(second.sections[1].rows[0].serial).toBe(1);
		expect(reportPage(sections, { page: 99 }).page).toBe(3);
	});

	it('filters by section and by result', () => {
		const adopted = reportPage(sections, { page: 1, status: 'adopted' });
		expect(adopted.matched).toBe(30);
		expect(adopted.sections[0].rows.map((r) => r.serial).slice(0, 3)).toEqual([2, 4, 6]);
		expect(reportPage(sections, { page: 1, clause: '6.2', status: 'pending' }).matched).toBe(30);
		const none = reportPage(sections, { page: 1, clause: '9.9' });
		expect([none.matched, none.pages, none.sections]).toEqual([0, 1, []]);
	});
});

describe('reportPageQuery', () => {
	it('keeps valid values and drops a bad one alone', () => {
		expect(reportPageQuery(new URLSearchParams('clause=6.1&status=adopted&page=2'))).toEqual({
			clause: '6.1',
			status: 'adopted',
			page: 2
		});
		expect(reportPageQuery(new URLSearchParams('clause=6.1&status=bogus&page=-3'))).toEqual({
			clause: '6.1',
			status: undefined,
			page: 1
		});
	});
});

describe('pageLinks', () => {
	it('links the ends and two pages either side, with gaps', () => {
		expect(pageLinks(1, 1)).toEqual([1]);
		expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
		expect(pageLinks(50, 100)).toEqual([1, null, 48, 49, 50, 51, 52, null, 100]);
	});
});
