/**
 * The images an export needs, loaded before the work goes to the export worker (which does no
 * I/O). The sections are still encoded Yjs updates there, and decoding every one on the event
 * loop only to find figures would cost what the worker exists to save: a figure's `src` attribute
 * is its 64-hex-digit hash, stored verbatim in the update, so the plan's image hashes are looked
 * for in the bytes. A false hit only loads an image nothing shows; each is verified on load.
 */
import { eq } from 'drizzle-orm';
import type { ImageAsset } from '../../export/types.ts';
import { getDb, schema } from '../db/index.ts';
import { loadImages } from './store.ts';

export async function exportImages(
	planId: number,
	sections: readonly { state: Uint8Array }[]
): Promise<ImageAsset[]> {
	const known = getDb()
		.select({ hash: schema.planImages.hash })
		.from(schema.planImages)
		.where(eq(schema.planImages.planId, planId))
		.all();
	if (known.length === 0) return [];
	const states = sections.map((s) =>
		Buffer.from(s.state.buffer, s.state.byteOffset, s.state.length)
	);
	const used = known
		.map((k) => k.hash)
		.filter((hash) => states.some((state) => state.includes(hash, 0, 'latin1')));
	return [...(await loadImages(planId, used)).values()].map((image) => ({
		hash: image.hash,
		mime: image.mime,
		width: image.width,
		height: image.height,
		bytes: image.bytes
	}));
}
