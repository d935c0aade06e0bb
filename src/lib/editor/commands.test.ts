import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { insertTable, setLink, toggleBold } from './commands.ts';
import { schema } from './schema.ts';

function stateWith(text: string, from: number, to = from) {
	const doc = schema.node('doc', null, [
		schema.node('paragraph', null, text ? [schema.text(text)] : [])
	]);
	return EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
}

function run(state: EditorState, command: ReturnType<typeof insertTable>) {
	let next = state;
	const ok = command(state, (tr) => (next = state.apply(tr)));
	return { ok, state: next };
}

describe('insertTable', () => {
	it('inserts a table with a header row and puts the cursor in its first header cell', () => {
		const { ok, state } = run(stateWith('', 1), insertTable(3, 4));
		expect(ok).toBe(true);
		const table = state.doc.firstChild;
		expect(table?.type.name).toBe('table');
		expect(table?.childCount).toBe(3);
		expect(table?.firstChild?.childCount).toBe(4);
		expect(table?.firstChild?.firstChild?.type.name).toBe('table_header');
		expect(state.selection.$from.node(-1).type.name).toBe('table_header');
		expect(state.selection.$from.index(-2)).toBe(0);
	});

	it('refuses to nest a table in a table', () => {
		const { state } = run(stateWith('', 1), insertTable());
		expect(insertTable()(state)).toBe(false);
	});
});

describe('setLink', () => {
	it('links the selection to a safe URL', () => {
		const { ok, state } = run(stateWith('政府网站', 1, 5), setLink('https://www.gov.cn'));
		expect(ok).toBe(true);
		expect(state.doc.firstChild?.firstChild?.marks[0]?.attrs.href).toBe('https://www.gov.cn/');
	});

	it('refuses javascript: and other unsafe schemes', () => {
		for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative']) {
			expect(setLink(href)(stateWith('链接', 1, 3)), href).toBe(false);
		}
	});
});

describe('toggleBold', () => {
	it('toggles the strong mark', () => {
		const { state } = run(stateWith('重点', 1, 3), toggleBold);
		expect(state.doc.firstChild?.firstChild?.marks.map((m) => m.type.name)).toEqual(['strong']);
	});
});
