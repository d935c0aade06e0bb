/**
 * A plan's images in SQLite, content-addressed: stored once per (plan, SHA-256 of the bytes), never
 * changed nor deleted. Every read checks the bytes against their name, so a row altered on disk
 * is refused (and audited) rather than served or exported.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit/index.ts';
import { getDb, schema } from '../db/index.ts';
import { logger } from '../log.ts';
import type { SniffedImage } from './sniff.ts';

const log = logger('images');

export function imageHash(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export interface StoredImage extends SniffedImage {
	hash: string;
	bytes: Uint8Array;
}

/** Keeps an image (already sniffed) with the plan; the same bytes again are the same row. */
export function saveImage(input: {
	planId: number;
	clause: string;
	userId: number;
	bytes: Uint8Array;
	image: SniffedImage;
}): string {
	const hash = imageHash(input.bytes);
	getDb()
		.insert(schema.planImages)
		.values({
			planId: input.planId,
			hash,
			mime: input.image.mime,
			width: input.image.width,
			height: input.image.height,
			size: input.bytes.length,
			bytes: Buffer.from(input.bytes),
			clause: input.clause,
			uploadedBy: input.userId
		})
		.onConflictDoNothing()
		.run();
	return hash;
}

export type LoadedImage =
	{ ok: true; image: StoredImage } | { ok: false; reason: 'missing' | 'corrupt' };

/**
 * The SHA-256 of a read image, computed on libuv's thread pool (Web Crypto's digest) rather than on
 * the event loop: an image may be 10 MB (~25 ms of hashing), every view and export verifies it, and
 * the collaboration server shares the loop.
 */
async function digestHex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

async function verified(
	planId: number,
	row: typeof schema.planImages.$inferSelect
): Promise<LoadedImage> {
	const bytes = new Uint8Array(row.bytes);
	const computed = await digestHex(bytes);
	if (computed !== row.hash) {
		log.error({ planId, hash: row.hash, computed }, 'stored image does not match its hash');
		appendAudit({
			action: 'integrity.failed',
			planId,
			target: `image:${row.hash}`,
			details: { recorded: row.hash, computed }
		});
		return { ok: false, reason: 'corrupt' };
	}
	return {
		ok: true,
		image: {
			hash: row.hash,
			mime: row.mime as SniffedImage['mime'],
			width: row.width,
			height: row.height,
			bytes
		}
	};
}

/** One image of a plan, its bytes verified against its hash. */
export async function loadImage(planId: number, hash: string): Promise<LoadedImage> {
	const row = getDb()
		.select()
		.from(schema.planImages)
		.where(and(eq(schema.planImages.planId, planId), eq(schema.planImages.hash, hash)))
		.get();
	return row ? verified(planId, row) : { ok: false, reason: 'missing' };
}

/** The images an export needs, verified; missing or altered ones are left out of the map. */
export async function loadImages(
	planId: number,
	hashes: Iterable<string>
): Promise<Map<string, StoredImage>> {
	const wanted = [...new Set(hashes)];
	const out = new Map<string, StoredImage>();
	if (wanted.length === 0) return out;
	const rows = getDb()
		.select()
		.from(schema.planImages)
		.where(and(eq(schema.planImages.planId, planId), inArray(schema.planImages.hash, wanted)))
		.all();
	for (const row of rows) {
		const loaded = await verified(planId, row);
		if (loaded.ok) out.set(row.hash, loaded.image);
	}
	return out;
}
