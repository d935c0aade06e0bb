/**
 * Names inside a section's Y.Doc, one place for browser and server.
 *
 * `body` is the section's prose. Each required item's prose is its own top-level fragment
 * `item:<id>` rather than an entry of a shared `items` Y.Map (DESIGN.md §2's first sketch): two
 * editors creating the same map entry at once would each insert a fresh fragment and one of them —
 * with its text — would lose the conflict. Top-level types are identified by name, so concurrent
 * first edits merge. `data` holds the structured blocks.
 */
export const BODY_FRAGMENT = 'body';
export const DATA_MAP = 'data';

export function itemFragmentName(itemId: string): string {
	return `item:${itemId}`;
}
