/**
 * Reading an uploaded file's bytes (the raw request body) with our own cap. adapter-node refuses
 * bodies over BODY_SIZE_LIMIT (512 KiB by default, right for every form and API) before a handler
 * could read them, and an exported PDF is megabytes; raising the limit for the whole app would let
 * anyone post 50 MB to any form. So only here: when SvelteKit refused the body for its size
 * without reading it, the file is read from the Node request itself (adapter-node's
 * `platform.req`), counting bytes, refusing beyond `max`. A Content-Length is required.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage } from 'node:http';

export async function readUpload(
	event: Pick<RequestEvent, 'request' | 'platform'>,
	max: number
): Promise<Uint8Array> {
	const length = Number(event.request.headers.get('content-length') ?? NaN);
	if (!Number.isInteger(length) || length < 0) error(411, { message: 'length required' });
	if (length > max) error(413, { message: 'too large' });
	if (length === 0) error(400, { message: 'empty' });
	try {
		return new Uint8Array(await event.request.arrayBuffer());
	} catch (cause) {
		const status = (cause as { status?: number }).status;
		const req = (event.platform as { req?: IncomingMessage } | undefined)?.req;
		if (status !== 413 || !req || req.readableDidRead) error(400, { message: 'unreadable body' });
		return readRequest(req, length, max);
	}
}

async function readRequest(req: IncomingMessage, length: number, max: number): Promise<Uint8Array> {
	const body = new Uint8Array(length);
	let size = 0;
	try {
		for await (const chunk of req as AsyncIterable<Buffer>) {
			if (size + chunk.length > Math.min(length, max)) {
				req.destroy();
				error(413, { message: 'too large' });
			}
			body.set(chunk, size);
			size += chunk.length;
		}
	} catch (cause) {
		if ((cause as { status?: number }).status) throw cause;
		error(400, { message: 'upload interrupted' });
	}
	if (size !== length) error(400, { message: 'upload incomplete' });
	return body;
}
