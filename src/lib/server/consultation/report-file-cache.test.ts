import { describe, expect, it } from 'vitest';
import { peekReportFile, storedReportFile, storeReportFile } from './report-file-cache.ts';

describe('the stored report file', () => {
	it('is returned only under its key and refused once its bytes were altered', () => {
		storeReportFile(7, '3|2026-12-06', new Uint8Array([1, 2, 3]), 'a.docx');
		expect(storedReportFile(7, '4|2026-12-06')).toBeUndefined();
		expect(storedReportFile(7, '3|2026-12-06')?.fileName).toBe('a.docx');
		const stored = peekReportFile(7);
		if (!stored) throw new Error('not stored');
		stored.bytes[0] = 9;
		expect(storedReportFile(7, '3|2026-12-06')).toBeUndefined();
		expect(peekReportFile(7)).toBeUndefined();
	});
});
