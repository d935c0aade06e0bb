import { EditorState, NodeSelection, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
	pastesPicture,
	figurePlugin,
	figuresOf,
	insertFigureRef,
	REFRESH_FIGURES,
	type FigureContext
} from './figures.ts';
import { schema } from './schema.ts';

const hash = (c: string) => c.repeat(64);

function context(before: () => number): FigureContext {
	return {
		planId: 1,
		chapter: '8',
		before,
		upload: async () => ({ ok: false, message: '' }),
		onError: () => {},
		words: { caption: '', alt: '', width: '', remove: '', unavailable: '', tooLarge: '' }
	};
}

function state(before = () => 0) {
	const doc = schema.node('doc', null, [
		schema.node('paragraph', null, [schema.text('如')]),
		schema.node('figure', { id: 'fig-a', src: hash('a'), caption: '总体架构' }),
		schema.node('figure', { id: 'fig-b', src: hash('b'), caption: '部署' })
	]);
	return EditorState.create({ schema, doc, plugins: [figurePlugin(context(before))] });
}

describe('figure numbers in the editor', () => {
	it('numbers figures in order after the chapter’s earlier figures', () => {
		expect(figuresOf(state()).map((f) => f.label)).toEqual(['图 8-1', '图 8-2']);
		expect(figuresOf(state(() => 3)).map((f) => f.label)).toEqual(['图 8-4', '图 8-5']);
	});

	it('renumbers when a figure is deleted or figures elsewhere change', () => {
		let earlier = 0;
		let s = state(() => earlier);
		s = s.apply(s.tr.delete(3, 4)); // the first figure
		expect(figuresOf(s).map((f) => `${f.label} ${f.caption}`)).toEqual(['图 8-1 部署']);
		earlier = 2;
		s = s.apply(s.tr.setMeta(REFRESH_FIGURES, true));
		expect(figuresOf(s).map((f) => f.label)).toEqual(['图 8-3']);
	});

	it('inserts a cross-reference at the cursor, or after a selected figure without replacing it', () => {
		let s = state();
		s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 2)));
		s = s.apply(insertFigureRef(s, 'fig-b'));
		expect(s.doc.child(0).child(1).type.name).toBe('figure_ref');
		const figureAt = s.doc.child(0).nodeSize;
		s = s.apply(s.tr.setSelection(NodeSelection.create(s.doc, figureAt)));
		s = s.apply(insertFigureRef(s, 'fig-a'));
		expect(s.doc.childCount).toBe(4);
		expect(s.doc.child(1).type.name).toBe('figure');
		expect(s.doc.child(2).firstChild?.attrs.target).toBe('fig-a');
	});
});

describe('pastesPicture', () => {
	const clipboard = (data: Record<string, string>) =>
		({ getData: (type: string) => data[type] ?? '' }) as unknown as DataTransfer;

	it('treats a screenshot or a copied image as a picture', () => {
		expect(pastesPicture(clipboard({}))).toBe(true);
		expect(
			pastesPicture(clipboard({ 'text/html': '<meta charset="utf-8"><img src="x.png">' }))
		).toBe(true);
	});

	it('leaves text from Word (which also carries a picture of it) to the text paste', () => {
		expect(
			pastesPicture(
				clipboard({
					'text/html':
						'<html><style>p{}</style><body><p class=MsoNormal>总体目标</p></body></html>',
					'text/plain': '总体目标'
				})
			)
		).toBe(false);
		expect(pastesPicture(clipboard({ 'text/plain': '总体目标' }))).toBe(false);
	});
});
