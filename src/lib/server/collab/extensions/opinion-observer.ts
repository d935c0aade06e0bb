/**
 * The collaboration server sees an owner accept or reject a consultation 修改建议 itself (issue 17):
 * before an owner's update is applied, when the section has applied but undecided 修改建议 whose
 * suggestion is pending, the update is tried on a copy and the decision it makes — exactly an
 * accept or a reject of that suggestion, nothing else (suggestions/observe.ts) — is recorded as
 * that owner's once the update is applied (server/suggestions/opinions.ts). So the opinion is
 * answered even when the owner's page closed before the editor's own report was sent; that report,
 * arriving too, finds it recorded. Only sections with such a pending suggestion pay for the copy.
 */
import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema as editorSchema } from '../../../editor/schema.ts';
import { parseSectionDocumentName } from '../../../standard/sections.ts';
import { observeDecisions } from '../../../suggestions/observe.ts';
import { getDb, schema } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import { recordObservedDecision } from '../../suggestions/opinions.ts';
import type { CollabContext } from '../context.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Applied, undecided 修改建议 of a section: suggestion id and the fragment it is in. */
function undecided(planId: number, clause: string) {
	const o = schema.opinionSuggestions;
	const t = schema.commentThreads;
	return getDb()
		.select({ suggestionId: o.suggestionId, fragment: t.fragment })
		.from(o)
		.innerJoin(t, eq(o.threadId, t.id))
		.where(
			and(eq(t.planId, planId), eq(t.clause, clause), isNotNull(o.suggestionId), isNull(o.outcome))
		)
		.all()
		.filter((r): r is { suggestionId: string; fragment: string } => !!r.suggestionId);
}

export class OpinionObserver implements Extension {
	extensionName = 'opinion-observer';
	readonly #log: Logger;

	constructor(log: Logger) {
		this.#log = log;
	}

	async beforeSync({
		type,
		documentName,
		document,
		payload,
		connection
	}: beforeSyncPayload<CollabContext>) {
		if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
		const context = connection.context;
		if (connection.readOnly || !context?.user || context.suggestOnly) return;
		const section = parseSectionDocumentName(documentName);
		if (!section) return;
		try {
			const pending = undecided(section.planId, section.clause);
			if (pending.length === 0) return;
			const byFragment = new Map<string, string[]>();
			for (const { suggestionId, fragment } of pending)
				byFragment.set(fragment ?? 'body', [
					...(byFragment.get(fragment ?? 'body') ?? []),
					suggestionId
				]);
			const after = new Y.Doc({ gc: false });
			Y.applyUpdate(after, Y.encodeStateAsUpdate(document));
			Y.applyUpdate(after, payload);
			const decisions = [...byFragment]
				.flatMap(([fragment, ids]) =>
					observeDecisions(
						yXmlFragmentToProseMirrorRootNode(document.getXmlFragment(fragment), editorSchema),
						yXmlFragmentToProseMirrorRootNode(after.getXmlFragment(fragment), editorSchema),
						ids
					)
				)
				// A 修改建议 always inserts words: accepted with none left to see, the accept came in
				// pieces (not the editor's one step) and only the editor's report can say what it kept.
				.filter((d) => d.outcome === 'rejected' || d.inserted !== '');
			after.destroy();
			if (decisions.length === 0) return;
			const actor = { user: context.user, ip: context.ip };
			// Recorded once the update is applied (Hocuspocus applies it when this hook returns).
			setImmediate(() => {
				for (const decision of decisions) {
					try {
						if (recordObservedDecision(actor, section.planId, section.clause, decision))
							this.#log.info(
								{ documentName, user: context.user.id, ...decision },
								'修改建议 decision observed'
							);
					} catch (error) {
						this.#log.error({ err: error, documentName }, '修改建议 decision not recorded');
					}
				}
			});
		} catch (error) {
			// Never in the way of the edit: the editor's own report still records the decision.
			this.#log.warn({ err: error, documentName }, '修改建议 decisions not observed');
		}
	}
}
