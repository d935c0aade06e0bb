import { describe, expect, it } from 'vitest';
import { demoSectionStates } from '../../export/fixtures.ts';
import { SECTION_CLAUSES } from '../../standard/sections.ts';
import { draftInput } from '../../../../tests/helpers/export-input.ts';
import { renderFile } from '../export/render.ts';
import { matchHeading, splitPlan } from './plan-map.ts';
import { readDocx } from './read.ts';

describe('matching a Word file’s headings to the standard’s sections', () => {
	it('matches by number, by title without the Chinese numbering, and knows chapters', () => {
		expect(matchHeading('6.1 城市发展战略与目标分析')).toBe('6.1');
		expect(matchHeading('9.4')).toBe('9.4');
		expect(matchHeading('一、城市发展战略与目标分析')).toBe('6.1');
		expect(matchHeading('（三）数据架构')).toBe('8.2');
		expect(matchHeading('第四章 实施路径规划')).toBe('chapter');
		expect(matchHeading('7 总体设计')).toBe('chapter');
		expect(matchHeading('智慧城市建设需求分析（2026年修订）')).toBe('6.5');
		expect(matchHeading('（一）目标分析')).toBeNull();
		expect(matchHeading('附录A 签署记录')).toBeNull();
	});

	it("splits Lantu's own export of the demo plan into its 19 sections", async () => {
		const states = demoSectionStates(1);
		const { body } = await renderFile(
			draftInput(SECTION_CLAUSES.map((clause) => ({ clause, state: states.get(clause)! }))),
			'docx',
			{ edition: 'full' }
		);
		const reading = await readDocx(body as Uint8Array);
		if (!reading.ok) throw new Error(reading.code);
		const parts = splitPlan(reading.parsed);
		const matched = parts.map((p) => p.guess).filter((g): g is string => g !== null);
		// Subheadings that repeat their section's title (「（四）考核保障措施」 in 9.4) stay inside it.
		expect(matched).toEqual(SECTION_CLAUSES);
		const first = parts.find((p) => p.guess === '6.1');
		expect(first?.heading).toBe('一、城市发展战略与目标分析');
		expect(first?.parsed.blocks.length).toBeGreaterThan(0);
	}, 60_000); // renders the whole demo plan to DOCX: seconds of CPU, more on a busy machine
});
