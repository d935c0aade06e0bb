import { describe, expect, it } from 'vitest';
import outline from '../standard/outline.json' with { type: 'json' };
import { SECTION_CLAUSES } from '../standard/sections.ts';
import {
	APPENDIX_A_GAPS,
	APPENDIX_A_ROWS,
	appendixAByActivity,
	appendixAForSection,
	appendixAOf
} from './appendix-a.ts';
import { getTemplate } from './registry.ts';
import type { SectionTarget } from './types.ts';

interface OutlineRow {
	body_clause: string;
	activity: string;
	inputs: string[];
	outputs: string[];
	reconstruction_confidence: string;
}
const table = (outline as { appendix_A_inputs_outputs: { activities: OutlineRow[] } })
	.appendix_A_inputs_outputs.activities;

function exists(target: SectionTarget): boolean {
	const t = getTemplate(target.section);
	if (!t) return false;
	if (target.item && !t.items.some((i) => i.id === target.item)) return false;
	if (target.block && !t.structured.includes(target.block)) return false;
	return true;
}

describe('Table A.1', () => {
	it('has the rows, inputs and outputs of outline.json, in order and as printed', () => {
		expect(
			APPENDIX_A_ROWS.map((r) => [
				r.clause,
				r.name,
				r.inputs.map((i) => i.text),
				r.outputs.map((o) => o.text),
				r.confidence
			])
		).toEqual(
			table.map((r) => [
				r.body_clause,
				r.activity,
				r.inputs,
				r.outputs,
				r.reconstruction_confidence
			])
		);
	});

	it('links every input and output to a section, item or block that exists', () => {
		for (const row of APPENDIX_A_ROWS) {
			for (const input of row.inputs) {
				for (const target of input.producedBy) expect(exists(target), input.text).toBe(true);
			}
			for (const output of row.outputs) expect(exists(output.filledIn), output.text).toBe(true);
		}
	});

	it('only lets inputs come from earlier sections or the same activity (5.1.3 checks upstream)', () => {
		const order = (clause: string) => SECTION_CLAUSES.indexOf(clause);
		for (const row of APPENDIX_A_ROWS) {
			for (const input of row.inputs) {
				for (const t of input.producedBy) {
					expect(order(t.section), `${row.clause}: ${input.text}`).toBeLessThan(
						Math.max(order(row.clause), order('7.2'))
					);
				}
			}
		}
	});

	it('gives every section a role except 8.7, which it has no row for', () => {
		for (const clause of SECTION_CLAUSES) {
			const { inputs, outputs } = appendixAForSection(clause);
			if (clause === '8.7') {
				expect(inputs.length + outputs.length).toBe(0);
			} else {
				expect(outputs.length, clause).toBeGreaterThan(0);
			}
		}
		expect(APPENDIX_A_GAPS.map((g) => g.clause)).toEqual(['8.7']);
	});

	it('covers the union of 9.4 a)–d) and Table A.1’s 保障措施', () => {
		const outputs = appendixAForSection('9.4').outputs;
		expect(outputs.map((o) => o.text)).toHaveLength(7);
		const filled = new Set(outputs.flatMap((o) => o.targets.map((t) => t.item)));
		const items = getTemplate('9.4')?.items.map((i) => i.id) ?? [];
		// Every Table A.1 output has an item; 9.4 d) 资金保障 has one although the table lacks it.
		for (const id of filled) expect(items).toContain(id);
		expect(items).toContain('9.4.d');
		expect(filled.has('9.4.d')).toBe(false);
	});

	it('serves 7.1’s overview from 7.2, and 8.2’s 数据标准 from an item of its own', () => {
		expect(appendixAForSection('7.2').outputs.map((o) => [o.row, o.text])).toContainEqual([
			'7.1',
			'智能城市总体设计概述'
		]);
		expect(getTemplate('8.2')?.appendixA.outputs.map((o) => o.targets[0].item)).toContain(
			'8.2.A1.data-standards'
		);
	});

	it('groups rows by activity', () => {
		expect(appendixAOf('roadmap').map((r) => r.clause)).toEqual(['9.1', '9.2', '9.3', '9.4']);
		expect(appendixAOf('overall').map((r) => r.clause)).toEqual(['7.1', '7.2', '7.3', '7.4']);
		expect(appendixAByActivity().map((g) => g.rows.length)).toEqual([5, 4, 6, 4]);
	});

	it('tells which section produces an input, and marks outside material as such', () => {
		const inputs = appendixAForSection('8.3').inputs;
		expect(inputs.map((i) => i.targets.map((t) => t.section))).toEqual([['6.5'], ['8.1'], ['8.2']]);
		expect(appendixAForSection('6.1').inputs.every((i) => i.targets.length === 0)).toBe(true);
	});
});
