import type { afterLoadDocumentPayload, beforeHandleMessagePayload } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../../collab/close-codes.ts';
import { Limits } from './limits.ts';

const NAME = 'plan/1/section/6.1';

/** A client's sync update message as it arrives on the socket. */
function updateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, NAME);
	encoding.writeVarUint(encoder, 0); // sync
	encoding.writeVarUint(encoder, 2); // update
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

function textUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

async function loaded(limits: Limits) {
	const document = new Y.Doc();
	await limits.afterLoadDocument({ document, documentName: NAME } as afterLoadDocumentPayload);
	const send = (update: Uint8Array) =>
		limits.beforeHandleMessage({
			documentName: NAME,
			update: updateMessage(update),
			connection: { readOnly: false }
		} as unknown as beforeHandleMessagePayload);
	return { document, send };
}

describe('document size cap', () => {
	it('refuses a client update that would push the section past the cap', async () => {
		const { send } = await loaded(new Limits(2000));
		await expect(send(textUpdate('a'.repeat(500)))).resolves.toBeUndefined();
		await expect(send(textUpdate('b'.repeat(1600)))).rejects.toMatchObject({
			code: CLOSE_CODES.documentTooLarge.code
		});
	});

	it('counts what reached the document another way (another instance, the store)', async () => {
		const { document, send } = await loaded(new Limits(2000));
		// Another instance's clients wrote 1,500 bytes; Redis brought them here.
		Y.applyUpdate(document, textUpdate('c'.repeat(1500)), { source: 'redis' });
		await expect(send(textUpdate('d'.repeat(600)))).rejects.toMatchObject({
			code: CLOSE_CODES.documentTooLarge.code
		});
	});

	it('does not count a client update twice once applied', async () => {
		const limits = new Limits(2000);
		const { document, send } = await loaded(limits);
		const update = textUpdate('e'.repeat(900));
		await send(update);
		Y.applyUpdate(document, update, { source: 'connection', connection: {} });
		await expect(send(textUpdate('f'.repeat(900)))).resolves.toBeUndefined();
	});
});
