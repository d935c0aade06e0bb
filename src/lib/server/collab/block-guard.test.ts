import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	appendRows,
	blockRows,
	createRow,
	deleteRow,
	insertRow,
	moveRow,
	setCell
} from '../../collab/section-doc.ts';
import { buildSectionDoc, DEMO_SECTIONS } from '../../demo-content/index.ts';
import { BLOCKS } from '../../templates/blocks/index.ts';
import { presetRowsFor } from '../../templates/presets/index.ts';
import { TEMPLATES } from '../../templates/registry.ts';
import { findBlockViolation } from './block-guard.ts';

/** A server copy and a client copy in sync; `edit` changes the client, the result is its update. */
function pair(seed?: (doc: Y.Doc) => void) {
	const server = new Y.Doc();
	const client = new Y.Doc();
	if (seed) {
		seed(client);
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
	}
	return {
		server,
		client,
		updateOf(edit: (doc: Y.Doc) => void): Uint8Array {
			const before = Y.encodeStateVector(client);
			edit(client);
			return Y.encodeStateAsUpdate(client, before);
		}
	};
}

const withSystem = (doc: Y.Doc) => appendRows(doc, 'systems', [{ id: 's1', name: '城市大脑' }]);

describe('findBlockViolation', () => {
	it('accepts what the editors write: rows, cells, moves, deletes, prose', () => {
		const p = pair(withSystem);
		const edits: ((doc: Y.Doc) => void)[] = [
			(d) => insertRow(d, 'systems', 0, { name: '一网通办', mode: 'new', interfaces: ['s1'] }),
			(d) => (blockRows(d, 'systems').get(0).get('name') as Y.Text).insert(0, '新'),
			(d) => setCell(blockRows(d, 'systems').get(1), 'mode', 'reuse'),
			(d) => setCell(blockRows(d, 'systems').get(1), 'mode', null),
			(d) => setCell(blockRows(d, 'systems').get(1), 'interfaces', []),
			(d) => moveRow(d, 'systems', 's1', 0),
			(d) => deleteRow(d, 'systems', 's1'),
			(d) => d.getXmlFragment('body').insert(0, [new Y.XmlText('正文')]),
			(d) => d.getText('t').insert(0, '随便')
		];
		for (const edit of edits) {
			const update = p.updateOf(edit);
			expect(findBlockViolation(p.server, update)).toBeNull();
			Y.applyUpdate(p.server, update);
		}
	});

	it('accepts every preset and the whole demo plan', () => {
		for (const template of TEMPLATES) {
			for (const key of template.structured) {
				const preset = presetRowsFor(template.clause, key, () => crypto.randomUUID());
				if (!preset) continue;
				const p = pair();
				const update = p.updateOf((d) =>
					appendRows(d, key, preset as unknown as Record<string, unknown>[])
				);
				expect(findBlockViolation(p.server, update), `${template.clause} ${key}`).toBeNull();
			}
		}
		for (const section of DEMO_SECTIONS) {
			const doc = buildSectionDoc(section);
			expect(findBlockViolation(new Y.Doc(), Y.encodeStateAsUpdate(doc))).toBeNull();
		}
	});

	it('refuses control characters in prose and in a text cell; keeps tab, newline and half an emoji', () => {
		const refused: ((doc: Y.Doc) => void)[] = [
			(d) => d.getXmlFragment('body').insert(0, [new Y.XmlText('正文\u0000')]),
			(d) => d.getXmlFragment('body').insert(0, [new Y.XmlText('响铃\u0007')]),
			(d) => (blockRows(d, 'systems').get(0).get('name') as Y.Text).insert(0, 'Word\u000b换行')
		];
		for (const edit of refused) {
			const p = pair(withSystem);
			expect(findBlockViolation(p.server, p.updateOf(edit))).toMatch(/^control characters/);
		}
		const fresh = pair(withSystem);
		for (const edit of [
			(d: Y.Doc) => d.getXmlFragment('body').insert(0, [new Y.XmlText('甲\t乙\n丙\r')]),
			// An update may carry half a surrogate pair (a diff of 😀 → 😁 keeping the common high half).
			(d: Y.Doc) => d.getText('t').insert(0, '\udc01')
		]) {
			const update = fresh.updateOf(edit);
			expect(findBlockViolation(fresh.server, update)).toBeNull();
			Y.applyUpdate(fresh.server, update);
		}
	});

	it('refuses a Y.Text, a number, a nested array or a string as a row', () => {
		for (const bad of [new Y.Text('x'), 42, new Y.Array(), 'row', null]) {
			const p = pair(withSystem);
			const update = p.updateOf((d) => blockRows(d, 'systems').push([bad as never]));
			expect(findBlockViolation(p.server, update)).toMatch(/not a Y.Map/);
		}
	});

	it('refuses an undeclared key, a wrong value type and non-text content in a cell', () => {
		const cases: [(d: Y.Doc) => void, RegExp][] = [
			[(d) => blockRows(d, 'systems').get(0).set('evil', 'x'), /undeclared key/],
			[(d) => blockRows(d, 'systems').get(0).set('mode', 'bogus'), /invalid value/],
			[(d) => blockRows(d, 'systems').get(0).set('interfaces', 'notanarray'), /invalid value/],
			[(d) => blockRows(d, 'systems').get(0).set('name', new Y.Array()), /wrong kind/],
			[(d) => blockRows(d, 'systems').get(0).set('mode', new Y.Map()), /wrong kind/],
			[
				(d) => (blockRows(d, 'systems').get(0).get('name') as Y.Text).insertEmbed(0, { x: 1 }),
				/non-text/
			],
			[(d) => d.getArray('block:systems').insert(0, [{ id: 'plain-object' }]), /not a Y.Map/]
		];
		for (const [edit, reason] of cases) {
			const p = pair(withSystem);
			expect(findBlockViolation(p.server, p.updateOf(edit))).toMatch(reason);
		}
		const p = pair();
		const row = createRow(BLOCKS.phases, { name: '一期' });
		row.set('start', 2026);
		expect(
			findBlockViolation(
				p.server,
				p.updateOf((d) => blockRows(d, 'phases').push([row]))
			)
		).toMatch(/invalid value/);
	});

	it('refuses an update whose items hang on content the server does not have', () => {
		const p = pair(withSystem);
		const hidden = new Y.Doc();
		Y.applyUpdate(hidden, Y.encodeStateAsUpdate(p.client));
		blockRows(hidden, 'systems').push([createRow(BLOCKS.systems, { name: '先' })]);
		const first = Y.encodeStateAsUpdate(hidden, Y.encodeStateVector(p.client));
		Y.applyUpdate(p.client, first);
		// The second update points at the first, which the server never received.
		const second = p.updateOf((d) => blockRows(d, 'systems').push([42 as never]));
		expect(findBlockViolation(p.server, second)).toMatch(/unknown/);
	});
});
