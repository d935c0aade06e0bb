/**
 * Refuses, at once and visibly, a paste the server could never store (issue 11, item 9). A paste
 * is one Yjs update; the server takes an editor's update up to the document cap
 * (collab/size-limits.ts), so only a paste that would push the section past that cap is refused —
 * before anything is inserted, instead of being applied locally and then refused by the server,
 * which would leave the section unsyncable. The size is estimated from the slice (UTF-8 text plus
 * a per-node allowance for Yjs' structure), and the room from the section's current encoded state.
 */
import { Plugin } from 'prosemirror-state';
import type { Slice } from 'prosemirror-model';
import * as Y from 'yjs';
import { MAX_DOCUMENT_BYTES, MAX_MESSAGE_BYTES } from '../collab/size-limits.ts';

/** Yjs bytes per node (element item, attributes, text item header): generous on purpose. */
const NODE_OVERHEAD_BYTES = 48;
/** Room kept free for the edits that follow and the server's size estimate's slack. */
const HEADROOM_BYTES = 256 * 1024;

export function estimateSliceBytes(slice: Slice): number {
	let bytes = 0;
	const encoder = new TextEncoder();
	slice.content.descendants((node) => {
		bytes += NODE_OVERHEAD_BYTES;
		if (node.isText && node.text) bytes += encoder.encode(node.text).byteLength;
		return true;
	});
	return bytes;
}

export interface PasteRefusal {
	bytes: number;
	/** What the section still has room for. */
	room: number;
}

/** The refusal for adding about `bytes` to `doc`, or null when the section has room for them. */
export function refuseIfTooLarge(doc: Y.Doc, bytes: number): PasteRefusal | null {
	// Small additions are never measured against the whole document.
	if (bytes <= MAX_MESSAGE_BYTES / 2) return null;
	const used = Y.encodeStateAsUpdate(doc).byteLength;
	const room = Math.max(0, MAX_DOCUMENT_BYTES - HEADROOM_BYTES - used);
	return bytes <= room ? null : { bytes, room };
}

export function pasteSizeGuard(doc: Y.Doc, onRefuse: (refusal: PasteRefusal) => void): Plugin {
	return new Plugin({
		props: {
			handlePaste(_view, _event, slice) {
				const refusal = refuseIfTooLarge(doc, estimateSliceBytes(slice));
				if (!refusal) return false;
				onRefuse(refusal);
				return true; // handled: nothing is inserted
			}
		}
	});
}

/** Bytes as megabytes with one decimal, as the message shows them. */
export function megabytes(bytes: number): string {
	return (bytes / (1024 * 1024)).toFixed(1);
}
