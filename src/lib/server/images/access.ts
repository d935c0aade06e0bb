/**
 * Who may see an image of a plan. Those who read the draft see every section's prose, so every
 * image of the plan; other members (enterprise and resident participants) read only the frozen
 * versions, so they see an image only if a frozen version of the plan shows it. A version's
 * images are read from its stored Yjs state once and remembered by the version's hash (a payload
 * never changes under its hash).
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { imageHashesOfDoc } from '../../images/figures.ts';
import { canReadDraft, canReadImage } from '../../policy/index.ts';
import type { Membership } from '../../roles.ts';
import type { VersionPayload } from '../../workflow/version.ts';
import { getDb, schema } from '../db/index.ts';
import { versionPayload } from '../workflow/versions.ts';

const versionImages = new Map<string, ReadonlySet<string>>();

/** The image hashes of one stored version payload (every section's prose). */
export function imagesOfPayload(payload: string): Set<string> {
	const out = new Set<string>();
	const parsed = JSON.parse(payload) as VersionPayload;
	for (const section of parsed.sections) {
		const doc = new Y.Doc();
		try {
			Y.applyUpdate(doc, Buffer.from(section.yjs, 'base64'));
			for (const hash of imageHashesOfDoc(doc)) out.add(hash);
		} finally {
			doc.destroy();
		}
	}
	return out;
}

function imagesOfVersion(hash: string): ReadonlySet<string> {
	let images = versionImages.get(hash);
	if (!images) {
		const payload = versionPayload(hash);
		images = payload ? imagesOfPayload(payload) : new Set();
		versionImages.set(hash, images);
	}
	return images;
}

/** Whether some frozen version of the plan shows the image. */
export function inSomeVersion(planId: number, image: string): boolean {
	const v = schema.activityVersions;
	const hashes = getDb().selectDistinct({ hash: v.hash }).from(v).where(eq(v.planId, planId)).all();
	return hashes.some(({ hash }) => imagesOfVersion(hash).has(image));
}

/** Whether one frozen version (by id) shows the image: what a round's public link may serve. */
export function inVersion(versionId: number, image: string): boolean {
	const v = schema.activityVersions;
	const row = getDb().select({ hash: v.hash }).from(v).where(eq(v.id, versionId)).get();
	return row ? imagesOfVersion(row.hash).has(image) : false;
}

export function mayReadImage(planId: number, membership: Membership | undefined, image: string) {
	// The version scan only for those the draft does not already admit.
	return canReadImage(membership, !canReadDraft(membership) && inSomeVersion(planId, image));
}
