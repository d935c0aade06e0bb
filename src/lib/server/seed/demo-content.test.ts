/**
 * The demo plan's content against the conformance rules: everything passes except the gaps left on
 * purpose (DEMO_GAPS), so the demo's checklist shows what it is meant to as the rules evolve.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { createDocumentStore } from '../collab/store.ts';
import { readSectionData } from '../../collab/section-doc.ts';
import {
	evaluatePlan,
	type PlanData,
	type RuleResult,
	type SectionData
} from '../../conformance/index.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../../editor/fragments.ts';
import { schema as editorSchema } from '../../editor/schema.ts';
import { sectionDocumentName } from '../../standard/sections.ts';
import { BLOCKS, type BlockKey } from '../../templates/blocks/index.ts';
import { getTemplate, TEMPLATES } from '../../templates/registry.ts';
import { getDb, schema } from '../db/index.ts';
import { seedDemoContent } from './content.ts';
import { buildSectionDoc, DEMO_GAPS, DEMO_SECTIONS } from '../../demo-content/index.ts';
import { seedDemoIfEmpty } from './demo.ts';
import { seededConfirmations } from './manual-checks.ts';
import { DEMO_ACCOUNTS, DEMO_ASSIGNMENTS, DEMO_PLAN } from './demo-data.ts';

const CONTEXT = { periodStart: DEMO_PLAN.periodStart, periodEnd: DEMO_PLAN.periodEnd };

function planData(docOf: (clause: string) => Y.Doc): PlanData {
	const sections: Record<string, SectionData> = {};
	for (const template of TEMPLATES) {
		const doc = docOf(template.clause);
		sections[template.clause] = readSectionData(doc, template);
		doc.destroy();
	}
	// The expert's confirmations of the manual checks, as the seed stores them.
	const confirmations = Object.fromEntries(
		seededConfirmations().map(({ checkId, digest }) => [
			checkId,
			{ by: '孙教授', at: '2026-12-06T00:00:00.000Z', digest }
		])
	);
	return { context: CONTEXT, sections, confirmations };
}

function builtDoc(clause: string): Y.Doc {
	const section = DEMO_SECTIONS.find((s) => s.clause === clause);
	return section ? buildSectionDoc(section) : new Y.Doc();
}

function results(plan: PlanData): RuleResult[] {
	const checklist = evaluatePlan(plan);
	return [...checklist.plan, ...checklist.sections.flatMap((s) => s.results)];
}

function failing(plan: PlanData): string[] {
	return results(plan)
		.filter((r) => r.status === 'fail')
		.map((r) => r.id)
		.sort();
}

describe('the demo plan against the conformance rules', () => {
	const plan = planData(builtDoc);

	it('fails exactly the deliberate gaps', () => {
		expect(failing(plan)).toEqual(Object.keys(DEMO_GAPS).sort());
	});

	it('passes nearly every required rule, with each gap failing once, in the section it names', () => {
		const all = results(plan);
		const required = all.filter((r) => r.level === 'required');
		const passed = required.filter((r) => r.status === 'pass');
		expect(passed.length).toBeGreaterThanOrEqual(required.length - Object.keys(DEMO_GAPS).length);
		expect(passed.length / required.length).toBeGreaterThan(0.9);
		const gaps = all.filter((r) => r.status === 'fail');
		for (const gap of gaps) {
			expect(gap.status === 'fail' && gap.findings).toHaveLength(1);
			expect(gap.section, gap.id).toBe(DEMO_GAPS[gap.id]?.section);
		}
	});

	it('writes most sections of chapters 6–9, each with a body', () => {
		const written = DEMO_SECTIONS.map((s) => s.clause);
		expect(written).toHaveLength(TEMPLATES.length - 1);
		expect(TEMPLATES.map((t) => t.clause).filter((c) => !written.includes(c))).toEqual(['8.6']);
		for (const section of DEMO_SECTIONS) expect(section.body?.length, section.clause).toBeTruthy();
	});
});

describe('the demo content is well formed', () => {
	it('is written by an editor of a department that owns the section', () => {
		for (const section of DEMO_SECTIONS) {
			const account = DEMO_ACCOUNTS.find((a) => a.username === section.author);
			expect(account?.roles, section.clause).toContain('editor');
			expect(DEMO_ASSIGNMENTS[section.clause], section.clause).toContain(account?.org);
		}
	});

	it('fills only prose items the section has, and only its blocks', () => {
		for (const section of DEMO_SECTIONS) {
			const template = getTemplate(section.clause);
			const prose = template?.items.filter((i) => i.fill.kind === 'prose').map((i) => i.id);
			for (const item of Object.keys(section.items ?? {})) expect(prose).toContain(item);
			for (const block of Object.keys(section.blocks ?? {}))
				expect(template?.structured).toContain(block);
		}
	});

	it('has unique row ids, and every reference points at an existing row', () => {
		const rows = new Map<string, Set<string>>();
		const seen = new Set<string>();
		for (const section of DEMO_SECTIONS) {
			for (const [key, list] of Object.entries(section.blocks ?? {})) {
				const ids = (list ?? []).map((r) => r.id);
				for (const id of ids) {
					expect(seen.has(id), id).toBe(false);
					seen.add(id);
				}
				rows.set(`${section.clause}/${key}`, new Set(ids));
			}
		}
		let checked = 0;
		for (const section of DEMO_SECTIONS) {
			for (const [key, list] of Object.entries(section.blocks ?? {})) {
				for (const field of BLOCKS[key as BlockKey].fields) {
					if (field.kind !== 'reference') continue;
					const targets = rows.get(`${field.section}/${field.block}`) ?? new Set();
					for (const row of list ?? []) {
						const value = (row as Record<string, unknown>)[field.key];
						const refs = Array.isArray(value) ? value : value == null ? [] : [value];
						for (const ref of refs) {
							expect(targets.has(String(ref)), `${row.id}.${field.key} → ${ref}`).toBe(true);
							checked += 1;
						}
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
	});

	it('builds prose exactly as the editor (y-prosemirror) would store it', () => {
		for (const section of DEMO_SECTIONS) {
			const doc = buildSectionDoc(section);
			const names = [BODY_FRAGMENT, ...Object.keys(section.items ?? {}).map(itemFragmentName)];
			for (const name of names) {
				const fragment = doc.getXmlFragment(name);
				const node = yXmlFragmentToProseMirrorRootNode(fragment, editorSchema);
				node.check();
				expect(node.childCount, `${section.clause} ${name}`).toBeGreaterThan(0);
				const again = new Y.Doc();
				prosemirrorToYXmlFragment(node, again.getXmlFragment(name));
				expect(again.getXmlFragment(name).toJSON()).toBe(fragment.toJSON());
				again.destroy();
			}
			doc.destroy();
		}
	});
});

describe('seeding', () => {
	const db = getDb();
	let seeded = false;

	beforeAll(async () => {
		seeded = await seedDemoIfEmpty();
	});

	it('stores one update per written section, by its author, and the stored plan reads the same', () => {
		expect(seeded).toBe(true);
		const planId = db.select().from(schema.plans).get()?.id ?? 0;
		const users = new Map(
			db
				.select()
				.from(schema.users)
				.all()
				.map((u) => [u.id, u.username])
		);
		const updates = db.$client
			.prepare<[], { name: string; user_id: number }>(
				'SELECT name, user_id FROM document_updates ORDER BY id'
			)
			.all();
		expect(updates.map((u) => [u.name, users.get(u.user_id)])).toEqual(
			DEMO_SECTIONS.map((s) => [sectionDocumentName(planId, s.clause), s.author])
		);
		const store = createDocumentStore(db);
		const stored = planData((clause) => {
			const doc = new Y.Doc();
			store.load(sectionDocumentName(planId, clause), doc);
			return doc;
		});
		expect(stored).toEqual(planData(builtDoc));
		expect(failing(stored)).toEqual(Object.keys(DEMO_GAPS).sort());
	});

	it('never seeds twice and never writes into a section that has content', async () => {
		const count = () =>
			db.$client.prepare<[], { n: number }>('SELECT count(*) AS n FROM document_updates').get()?.n;
		const before = count();
		expect(await seedDemoIfEmpty()).toBe(false);
		const planId = db.select().from(schema.plans).get()?.id ?? 0;
		expect(seedDemoContent(db, planId, new Map())).toBe(0);
		expect(count()).toBe(before);
	});
});
