import { Slice } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_DOCUMENT_BYTES } from '../collab/size-limits.ts';
import { estimateSliceBytes, megabytes, refuseIfTooLarge } from './paste-size.ts';
import { schema } from './schema.ts';

describe('paste size guard', () => {
	it('estimates a slice at least at its UTF-8 text', () => {
		const paragraph = schema.nodes.paragraph.create(null, schema.text('数字化'));
		const slice = new Slice(schema.nodes.doc.create(null, [paragraph]).content, 0, 0);
		expect(estimateSliceBytes(slice)).toBeGreaterThanOrEqual(9);
	});

	it('refuses only what the section has no room for', () => {
		const doc = new Y.Doc();
		expect(refuseIfTooLarge(doc, 1000)).toBeNull();
		expect(refuseIfTooLarge(doc, 5 * 1024 * 1024)).toBeNull();
		doc.getText('t').insert(0, 'x'.repeat(7 * 1024 * 1024));
		const refusal = refuseIfTooLarge(doc, 5 * 1024 * 1024);
		expect(refusal?.bytes).toBe(5 * 1024 * 1024);
		expect(refusal!.room).toBeLessThan(MAX_DOCUMENT_BYTES - 7 * 1024 * 1024);
		expect(megabytes(5 * 1024 * 1024)).toBe('5.0');
	});
});
