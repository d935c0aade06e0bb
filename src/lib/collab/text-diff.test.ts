import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, mapPosition } from './text-diff.ts';

function apply(before: string, after: string): string {
	const doc = new Y.Doc();
	const ytext = doc.getText('t');
	ytext.insert(0, before);
	const splice = diffText(before, after);
	if (splice) {
		ytext.delete(splice.index, splice.remove);
		ytext.insert(splice.index, splice.insert);
	}
	return ytext.toString();
}

describe('diffText', () => {
	it('finds the one changed span', () => {
		expect(diffText('智慧城市', '智慧新城市')).toEqual({ index: 2, remove: 0, insert: '新' });
		expect(diffText('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
		expect(diffText('same', 'same')).toBeNull();
	});

	it('reproduces the new value when applied', () => {
		for (const [a, b] of [
			['', '一网通办'],
			['一网通办', ''],
			['aaaa', 'aaa'],
			['城市大脑平台', '城市大脑数据平台'],
			['x😀y', 'x😁y']
		]) {
			expect(apply(a, b)).toBe(b);
		}
	});

	it('keeps surrogate pairs whole', () => {
		const splice = diffText('x😀y', 'x😁y');
		expect(splice?.index).toBe(1);
		expect(splice?.insert).toBe('😁');
	});

	it('lets two people typing in one cell both keep their words', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.getText('t').insert(0, '建设目标');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const edit = (doc: Y.Doc, after: string) => {
			const t = doc.getText('t');
			const s = diffText(t.toString(), after);
			if (s) {
				t.delete(s.index, s.remove);
				t.insert(s.index, s.insert);
			}
		};
		edit(a, '2028年建设目标');
		edit(b, '建设目标：覆盖全市');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(a.getText('t').toString()).toBe('2028年建设目标：覆盖全市');
		expect(b.getText('t').toString()).toBe(a.getText('t').toString());
	});
});

describe('mapPosition', () => {
	it('moves a caret after remote text inserted before it', () => {
		expect(mapPosition(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
	});
	it('leaves a caret before the edit alone', () => {
		expect(mapPosition(1, [{ retain: 2 }, { insert: 'abc' }])).toBe(1);
	});
	it('pulls a caret back over deleted text', () => {
		expect(mapPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
		expect(mapPosition(2, [{ retain: 1 }, { delete: 4 }])).toBe(1);
	});
	it('counts a delta in the text as it was, after an insertion too', () => {
		// 'abcdefg', caret after 'e' (5): 'XY' inserted at 0, then 'ef' deleted → 'XYabcdg', caret after 'd'.
		expect(mapPosition(5, [{ insert: 'XY' }, { retain: 4 }, { delete: 2 }])).toBe(6);
		// Two deletions: 'b' and 'd' before the caret at 5 both pull it back.
		expect(mapPosition(5, [{ retain: 1 }, { delete: 1 }, { retain: 1 }, { delete: 1 }])).toBe(3);
	});
});
