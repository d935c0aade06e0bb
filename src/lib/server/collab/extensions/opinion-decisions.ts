/**
 * The collaboration server sees the owners decide on a suggestion applied from a consultation
 * 修改建议 (issue 17) and answers the opinion itself — 采纳, 部分采纳 or, rejected, no answer — so
 * the decision is recorded even when the owner leaves right after accepting (the browser used to
 * report it after the edit had synced, and a report not sent was lost).
 *
 * After every update of a section document (a synchronous Y.Doc 'update' listener: the document is
 * exactly as that update left it) it reads the section's applied, undecided 修改建议 (one indexed
 * query; nothing to do for almost every section) and looks at each in the draft
 * (suggestions/decisions.ts): still pending → remembered as it is now; gone → decided, which way
 * told by the text. The decision is the update's author's: the connection that sent it (or the
 * server's own direct edit as someone), checked like any decision on suggestions
 * (recordObservedDecision); an update from another instance (Redis) or from the store is that
 * instance's to record. What is remembered per document is only a cache of the live document:
 * the link itself is in the database, written before the suggestion enters the draft.
 */
import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { parseSectionDocumentName } from '../../../standard/sections.ts';
import type { Logger } from '../../log.ts';
import { observe, outcomeOf, type Seen } from '../../suggestions/decisions.ts';
import {
	pendingLinks,
	pendingLinksRevision,
	recordObservedDecision,
	type PendingLink
} from '../../suggestions/opinions.ts';
import type { CollabContext } from '../context.ts';

/** Who made an update, when it was made on this instance by someone (a socket or a direct edit). */
function authorOf(origin: unknown): CollabContext | null {
	if (!isTransactionOrigin(origin)) return null;
	const context =
		origin.source === 'connection'
			? (origin.connection.context as CollabContext | undefined)
			: origin.source === 'local'
				? (origin.context as CollabContext | undefined)
				: undefined;
	return context?.user ? context : null;
}

class SectionWatch {
	readonly #planId: number;
	readonly #clause: string;
	readonly #log: Logger;
	/** Pending linked suggestions as last seen, by suggestion id. */
	readonly #seen = new Map<string, Seen>();

	constructor(planId: number, clause: string, log: Logger) {
		this.#planId = planId;
		this.#clause = clause;
		this.#log = log;
	}

	/** The pending links as last read, and the process's links revision then. */
	#links: { revision: number; links: PendingLink[] } | undefined;

	/**
	 * Read again when this process changed a link since, or when the update did not start here (it
	 * came from another instance, or from the store): links made elsewhere arrive with such updates.
	 */
	#pending(origin: unknown): PendingLink[] {
		const revision = pendingLinksRevision();
		const local =
			isTransactionOrigin(origin) && (origin.source === 'connection' || origin.source === 'local');
		if (!this.#links || this.#links.revision !== revision || !local)
			this.#links = { revision, links: pendingLinks(this.#planId, this.#clause) };
		return this.#links.links;
	}

	afterUpdate(doc: Y.Doc, origin: unknown): void {
		let links: PendingLink[];
		try {
			links = this.#pending(origin);
		} catch (error) {
			this.#links = undefined;
			this.#log.error({ err: error }, 'pending 修改建议 not read');
			return;
		}
		if (links.length === 0 && this.#seen.size === 0) return;
		const author = authorOf(origin);
		const watched = new Set<string>();
		for (const link of links) {
			watched.add(link.suggestionId);
			const fragment = doc.getXmlFragment(link.fragment);
			const before = this.#seen.get(link.suggestionId);
			const now = observe(fragment, link.suggestionId);
			if (now) {
				// Accepting may take the insertion's mark off before the deleted words go (two
				// transactions in a raw client): the words last seen inserted still count.
				this.#seen.set(link.suggestionId, {
					...now,
					inserted: now.inserted || before?.inserted || ''
				});
				continue;
			}
			this.#seen.delete(link.suggestionId);
			if (!before || !author) continue;
			const outcome = outcomeOf(before, fragment);
			if (!outcome) {
				this.#log.info(
					{ threadId: link.threadId, userId: author.user.id },
					'linked suggestion left the draft undecided (answered by hand)'
				);
				continue;
			}
			// Off the update's path: answering writes the database and notifies.
			setImmediate(() => this.#record(author, link, outcome, before.inserted));
		}
		for (const id of this.#seen.keys()) if (!watched.has(id)) this.#seen.delete(id);
	}

	#record(
		author: CollabContext,
		link: PendingLink,
		outcome: 'accepted' | 'rejected',
		inserted: string
	): void {
		try {
			const recorded = recordObservedDecision(
				{ user: author.user, ip: author.ip, suggestOnly: author.suggestOnly },
				this.#planId,
				this.#clause,
				link,
				outcome,
				inserted
			);
			if (recorded === 'forbidden')
				this.#log.warn(
					{ threadId: link.threadId, userId: author.user.id, outcome },
					'linked suggestion decided by someone who may not decide: not recorded'
				);
		} catch (error) {
			this.#log.error({ err: error, threadId: link.threadId }, 'decision on 修改建议 not recorded');
		}
	}
}

export class OpinionDecisions implements Extension {
	extensionName = 'opinion-decisions';
	readonly #log: Logger;

	constructor(log: Logger) {
		this.#log = log;
	}

	async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload<CollabContext>) {
		const section = parseSectionDocumentName(documentName);
		if (!section) return;
		const watch = new SectionWatch(section.planId, section.clause, this.#log);
		// What is pending at load is remembered before any client's update arrives.
		watch.afterUpdate(document, null);
		document.on('update', (_update: Uint8Array, origin: unknown) =>
			watch.afterUpdate(document, origin)
		);
	}
}
