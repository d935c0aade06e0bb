import { describe, expect, it } from 'vitest';
import {
	adoptionCounts,
	adoptionCsv,
	adoptionRows,
	countsLine,
	maskPerson,
	publishedName,
	type AdoptionSource
} from './adoption.ts';

const source = (over: Partial<AdoptionSource>): AdoptionSource => ({
	clause: '9.2',
	quote: '运营模式',
	body: '意见',
	participantType: 'public',
	organization: null,
	person: '朱先生',
	disposition: null,
	reason: null,
	receivedOn: '2026-12-01',
	answeredOn: null,
	answeredBy: null,
	...over
});

describe('the public 采纳情况', () => {
	it('masks people and names enterprises and departments', () => {
		expect(maskPerson('朱先生')).toBe('朱**');
		expect(maskPerson('欧阳')).toBe('欧**');
		expect(maskPerson('朱')).toBe('*');
		expect(maskPerson('  ')).toBe('匿名');
		expect(publishedName(source({ participantType: 'residents', organization: '东城街道' }))).toBe(
			'朱**'
		);
		expect(
			publishedName(source({ participantType: 'enterprise', organization: '示例科技公司' }))
		).toBe('示例科技公司');
		expect(
			publishedName(source({ participantType: 'government', organization: '市大数据局' }))
		).toBe('市大数据局');
	});

	it('writes the counts line published tables head with', () => {
		const sources = [
			source({ disposition: 'adopted' }),
			source({ disposition: 'adopted' }),
			source({ disposition: 'rejected' })
		];
		expect(countsLine(adoptionCounts(sources))).toBe('共征集意见3条，采纳2条，未采纳1条');
		expect(
			countsLine(adoptionCounts([...sources, source({ disposition: 'partial' }), source({})]))
		).toBe('共征集意见5条，采纳3条（其中部分采纳1条），未采纳1条，尚未答复1条');
	});

	it('numbers rows and leaves the answer empty until there is one', () => {
		const rows = adoptionRows([
			source({
				disposition: 'rejected',
				reason: '已有规定',
				answeredOn: '2026-12-05',
				answeredBy: '市大数据局'
			}),
			source({ person: '李四', answeredBy: '市大数据局' })
		]);
		expect(rows.map((r) => [r.serial, r.who, r.result, r.answeredBy])).toEqual([
			[1, '朱**', '不采纳', '市大数据局'],
			[2, '李**', '尚未答复', '']
		]);
		const csv = adoptionCsv(rows);
		expect(
			csv.startsWith(
				'\uFEFF序号,章节,原文,反馈人,意见内容,处理结果,理由,受理日期,答复日期,答复部门\r\n'
			)
		).toBe(true);
	});
});
