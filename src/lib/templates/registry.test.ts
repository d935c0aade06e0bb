import { describe, expect, it } from 'vitest';
import { SECTION_CLAUSES } from '../standard/sections.ts';
import { BLOCKS } from './blocks/index.ts';
import { CHAPTER_GUIDANCE } from './messages.ts';
import { descendants, findClause, OUTLINE_CHAPTERS } from './outline.ts';
import { findItem, getTemplate, sectionsWithBlock, TEMPLATES, templatesOf } from './registry.ts';

/** Every clause of chapters 6–9 below chapter level, including items numbered like clauses (7.2.1). */
function outlineClauses(): string[] {
	return OUTLINE_CHAPTERS.flatMap((chapter) =>
		descendants(chapter).flatMap((node) => [
			node.clause,
			...(node.items ?? [])
				.map((i) => i.label)
				.filter((label) => label.startsWith(`${node.clause}.`))
		])
	);
}

const allItems = TEMPLATES.flatMap((t) => t.items.map((item) => ({ section: t.clause, item })));

describe('sections', () => {
	it('are exactly the sections of src/lib/standard/sections.ts, in order', () => {
		expect(TEMPLATES.map((t) => t.clause)).toEqual([...SECTION_CLAUSES]);
	});

	it('carry the standard’s titles', () => {
		for (const t of TEMPLATES) expect(t.title).toBe(findClause(t.clause)?.title);
		expect(getTemplate('6.4')?.title).toBe('其他相关规划分析');
		expect(getTemplate('9.1')?.title).toBe('主要任务和重点工程');
	});

	it('cover every clause of chapters 6–9 as a section, chapter guidance or a part of a section', () => {
		const parts = TEMPLATES.flatMap((t) => t.parts.map((p) => ({ section: t.clause, part: p })));
		for (const clause of outlineClauses()) {
			if (SECTION_CLAUSES.includes(clause)) continue;
			const guidance = Object.keys(CHAPTER_GUIDANCE).find(
				(g) => clause === g || clause.startsWith(`${g}.`)
			);
			if (guidance) continue;
			const owners = parts.filter((p) => p.part.clause === clause);
			expect(owners, clause).toHaveLength(1);
			expect(clause.startsWith(`${owners[0].section}.`), clause).toBe(true);
		}
	});

	it('declare no part that the standard does not have', () => {
		const known = new Set(outlineClauses());
		for (const t of TEMPLATES)
			for (const p of t.parts) expect(known.has(p.clause), p.clause).toBe(true);
	});

	it('treat 7.1 as chapter guidance, not a section', () => {
		expect(getTemplate('7.1')).toBeUndefined();
		expect(CHAPTER_GUIDANCE['7.1']).toContain('总则');
	});

	it('lay out the body, then prose items, then structured blocks', () => {
		const t = getTemplate('6.5');
		expect(t?.blocks[0]).toEqual({ kind: 'body' });
		expect(t?.blocks.at(-1)).toEqual({ kind: 'structured', block: 'needs' });
		expect(t?.blocks.filter((b) => b.kind === 'item')).toHaveLength(11);
	});

	it('place each structured block where DESIGN.md §2 puts it', () => {
		const where = Object.fromEntries(
			Object.keys(BLOCKS).map((key) => [
				key,
				sectionsWithBlock(key as keyof typeof BLOCKS).map((t) => t.clause)
			])
		);
		expect(where).toEqual({
			needs: ['6.5'],
			indicators: ['6.3'],
			goals: ['7.3'],
			architectureLayers: ['7.4', '8.4'],
			businessTree: ['8.1'],
			systems: ['8.3'],
			keyProjects: ['9.1'],
			operatingModel: ['9.2'],
			phases: ['9.3'],
			planRegister: ['6.4'],
			funding: ['9.1'],
			projectLibrary: ['9.1'],
			fiscalCapacity: ['9.1'],
			dataCatalog: ['8.2']
		});
	});

	it('have short guidance of our own, 1–3 sentences, that does not quote the garbled 9.1.3', () => {
		for (const t of TEMPLATES) {
			const sentences = t.guidance.split('。').filter((s) => s.trim() !== '');
			expect(sentences.length, t.clause).toBeGreaterThanOrEqual(1);
			expect(sentences.length, t.clause).toBeLessThanOrEqual(3);
			expect(t.guidance).not.toContain('主要任的');
			const requirement = findClause(t.clause)?.requirement;
			if (requirement) expect(t.guidance).not.toContain(requirement);
		}
	});

	it('look up by activity', () => {
		expect(templatesOf('architecture').map((t) => t.clause)).toEqual([
			'8.1',
			'8.2',
			'8.3',
			'8.4',
			'8.5',
			'8.6',
			'8.7'
		]);
		expect(templatesOf('overall').map((t) => t.clause)).toEqual(['7.2', '7.3', '7.4']);
	});
});

describe('items', () => {
	it('have unique ids usable as Yjs keys', () => {
		const ids = allItems.map(({ item }) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z.-]+$/);
	});

	it('include the enumerations the standard asks for', () => {
		const idsOf = (clause: string) => getTemplate(clause)?.items.map((i) => i.id) ?? [];
		const letters = (prefix: string, letters: string) => [...letters].map((l) => `${prefix}.${l}`);
		expect(idsOf('6.1')).toEqual(['6.1.2.1', '6.1.2.2', '6.1.2.3', '6.1.2.4']);
		expect(idsOf('6.2')).toEqual(['6.2.1', '6.2.2', '6.2.3', '6.2.4', '6.2.5']);
		expect(idsOf('6.5')).toEqual([...letters('6.5.2', 'abcdefghij'), '6.5.A1.regulation']);
		expect(idsOf('7.2')).toEqual(['7.2.1', '7.2.2']);
		expect(idsOf('7.3')).toEqual(letters('7.3.3', 'abcdef'));
		expect(idsOf('8.2')).toEqual([...letters('8.2.3', 'abc'), '8.2.A1.data-standards']);
		expect(idsOf('8.4')).toEqual(letters('8.4.2', 'abcd'));
		expect(idsOf('8.5')).toEqual(['8.5.2', ...letters('8.5.3', 'abc')]);
		expect(idsOf('9.1')).toEqual(letters('9.1.4', 'ab'));
		expect(idsOf('9.2')).toEqual(['9.2.1.1', '9.2.1.2', '9.2.1.3', '9.2.1.4']);
		expect(idsOf('9.4').slice(0, 4)).toEqual(letters('9.4', 'abcd'));
		expect(idsOf('7.4')).toHaveLength(8);
	});

	it('quote lettered items verbatim from outline.json, labelled with their letter', () => {
		for (const { item } of allItems) {
			const letter = /\.([a-j])$/.exec(item.id)?.[1];
			if (!letter || item.source !== 'body') continue;
			const source = findClause(item.clause)?.items?.find((i) => i.label === letter);
			expect(item.text, item.id).toBe(source?.text);
			expect(item.label.startsWith(`${letter}）`), item.id).toBe(true);
		}
		expect(findItem('9.4.a')?.item.label).toBe('a）组织保障');
		expect(findItem('8.4.2.d')?.item.label).toBe('d）数据与服务融合层基础设施');
	});

	it('keep 6.2.2’s missing b) and c) missing, and say so', () => {
		const item = findItem('6.2.2')?.item;
		expect(item?.points?.map((p) => p.label)).toEqual(['a', 'd']);
		expect(item?.note).toContain('b）、c）缺失');
	});

	it('record the standard’s verbs', () => {
		const verb = (id: string) => findItem(id)?.item.verb;
		expect(['9.4.a', '9.4.b', '9.4.c', '9.4.d'].map(verb)).toEqual(['应', '应', '应', '应']);
		expect(verb('7.3.3.a')).toBe('应');
		expect(verb('9.1.4.a')).toBe('宜');
		expect([verb('8.5.3.a'), verb('8.5.3.b'), verb('8.5.3.c')]).toEqual(['none', '可', '可']);
		expect(verb('6.5.2.a')).toBe('none');
	});

	it('require what the standard’s body lists, and only recommend Table A.1’s additions', () => {
		for (const { item } of allItems) {
			if (item.source === 'table-A.1') expect(item.required, item.id).toBe(false);
		}
		expect(findItem('9.4.d')?.item.required).toBe(true);
		expect(findItem('9.4.A1.assessment')?.item.required).toBe(false);
		expect(findItem('9.2.1.1')?.item.required).toBe(false);
	});

	it('point only at blocks of their own section, fields that exist and options that exist', () => {
		for (const { section, item } of allItems) {
			const fill = item.fill;
			if (fill.kind === 'prose') continue;
			expect(getTemplate(section)?.structured, item.id).toContain(fill.block);
			const fields = BLOCKS[fill.block].fields;
			const field = (key: string) => fields.find((f) => f.key === key);
			if (fill.kind === 'fields')
				for (const key of fill.fields) expect(field(key), key).toBeDefined();
			if (fill.kind === 'row' || fill.kind === 'option') {
				const decl = field(fill.field);
				expect(decl?.kind === 'enum' && decl.options.some((o) => o.value === fill.value)).toBe(
					true
				);
			}
			if (fill.kind === 'row') expect(field(fill.content)?.kind).toBe('longtext');
		}
	});
});

describe('blocks', () => {
	it('reference blocks in the sections that hold them', () => {
		for (const block of Object.values(BLOCKS)) {
			for (const field of block.fields) {
				if (field.kind !== 'reference') continue;
				expect(getTemplate(field.section)?.structured, `${block.key}.${field.key}`).toContain(
					field.block
				);
			}
		}
	});

	it('have unique field keys, none of them `id`', () => {
		for (const block of Object.values(BLOCKS)) {
			const keys = block.fields.map((f) => f.key);
			expect(new Set(keys).size, block.key).toBe(keys.length);
			expect(keys).not.toContain('id');
		}
	});
});
