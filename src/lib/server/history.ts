/**
 * A section's history (issue 4): the version list, any past state read-only, its difference to
 * now, named versions, restoring, and "who wrote this".
 *
 * The update log (`document_updates`) is the history. Retention: it is kept for the life of the
 * plan — compaction writes snapshots for fast loading but never deletes log rows — so every state
 * a section ever had can be rebuilt by replaying its log up to a point. Marks (named versions,
 * restores) live in `document_versions`.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { lineText } from '../forms.ts';
import { AttributionIndex, type ItemRange } from '../history/attribution.ts';
import { revertUpdate } from '../history/restore.ts';
import { diffParts, sectionParts, type PartDiff } from '../history/section-text.ts';
import { MAX_SELECTION_RANGES } from '../history/selection.ts';
import { buildVersions, type Version, type VersionMark } from '../history/versions.ts';
import { canSaveNamedVersion, restoreRefusal as decideRestore } from '../policy/index.ts';
import { findSection, sectionDocumentName } from '../standard/sections.ts';
import { getTemplate } from '../templates/registry.ts';
import { assignedOrganizationIds, getMembership, sectionAccess, sectionFacts } from './access.ts';
import { appendAudit } from './audit/index.ts';
import type { Actor } from './actor.ts';
import { getCollab } from './collab.ts';
import { getDb } from './db/index.ts';
import { DomainError } from './errors.ts';
import { intact } from './collab/integrity.ts';
import { settledUpdateId } from './db/log-order.ts';

export const VERSION_LABEL_MAX = 60;

export const namedVersionSchema = z.object({
	label: lineText.min(1).max(VERSION_LABEL_MAX)
});
export const restoreSchema = z.object({ upTo: z.number().int().positive() });
export const authorsSchema = z.object({
	ranges: z
		.array(
			z.object({
				client: z.number().int().nonnegative(),
				clock: z.number().int().nonnegative(),
				length: z.number().int().positive().max(1_000_000)
			})
		)
		.max(MAX_SELECTION_RANGES)
});

export interface HistoryUser {
	name: string;
	organization: string;
}

function sqlite() {
	return getDb().$client;
}

/** The newest stored update of a section, counting the ones queued in this turn (group commit). */
function latestUpdateId(name: string): number {
	getCollab().flushUpdateLog();
	return (
		sqlite()
			.prepare<[string], { id: number | null }>(
				'SELECT max(id) AS id FROM document_updates WHERE name = ?'
			)
			.get(name)?.id ?? 0
	);
}

function marksOf(name: string): VersionMark[] {
	return sqlite()
		.prepare<
			[string],
			{
				id: number;
				kind: 'named' | 'restore';
				label: string;
				update_id: number;
				restored_up_to: number | null;
				before_update_id: number | null;
				user_id: number | null;
				created_at: number;
			}
		>('SELECT * FROM document_versions WHERE name = ? ORDER BY id')
		.all(name)
		.map((r) => ({
			id: r.id,
			kind: r.kind,
			label: r.label,
			updateId: r.update_id,
			restoredUpTo: r.restored_up_to,
			beforeUpdateId: r.before_update_id,
			userId: r.user_id,
			at: r.created_at
		}));
}

function usersByIds(ids: Iterable<number | null>): Record<number, HistoryUser> {
	const statement = sqlite().prepare<[number], { name: string; organization: string }>(
		`SELECT u.display_name AS name, o.name AS organization
		 FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = ?`
	);
	const users: Record<number, HistoryUser> = {};
	for (const id of new Set(ids)) {
		if (id === null || users[id]) continue;
		const row = statement.get(id);
		if (row) users[id] = row;
	}
	return users;
}

/** Members who read the draft may read its history; participants may not (DESIGN.md §1). */
export function requireHistoryReader(userId: number, planId: number, clause: string): void {
	if (!findSection(clause)) throw new DomainError('not-found', {}, 404);
	if (sectionAccess(userId, planId, clause) === 'none')
		throw new DomainError('history-forbidden', {}, 403);
}

export interface SectionHistory {
	versions: Version[];
	users: Record<number, HistoryUser>;
	/** The id of the last update: the current state. */
	latest: number;
}

export function sectionHistory(planId: number, clause: string): SectionHistory {
	const name = sectionDocumentName(planId, clause);
	const log = sqlite()
		.prepare<[string], { id: number; userId: number | null; at: number }>(
			'SELECT id, user_id AS userId, at FROM document_updates WHERE name = ? ORDER BY id'
		)
		.all(name);
	const marks = marksOf(name);
	const versions = buildVersions(log, marks);
	const ids: (number | null)[] = [...log.map((e) => e.userId), ...marks.map((m) => m.userId)];
	return { versions, users: usersByIds(ids), latest: log[log.length - 1]?.id ?? 0 };
}

/**
 * The section's document as it was after update `upTo`: its log replayed into a fresh Y.Doc
 * (no garbage collection, so it can also serve as the base of a restore). The caller owns it.
 */
export function documentAt(name: string, upTo: number): Y.Doc {
	const rows = sqlite()
		.prepare<[string, number], { id: number; update: Buffer; hash: string | null }>(
			'SELECT id, "update", hash FROM document_updates WHERE name = ? AND id <= ? ORDER BY id'
		)
		.all(name, upTo);
	// A log row that fails its checksum is never replayed into a past state (or a restore).
	const bad = rows.find((r) => !intact(r.update, r.hash));
	if (bad) throw new DomainError('history-corrupt', { id: bad.id }, 500);
	const doc = new Y.Doc({ gc: false });
	if (rows.length > 0) {
		Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => new Uint8Array(r.update))));
	}
	return doc;
}

export interface VersionView {
	upTo: number;
	parts: PartDiff[];
}

/** A past state and its difference to the current document, part by part. */
export function versionView(planId: number, clause: string, upTo: number): VersionView {
	const template = getTemplate(clause);
	if (!template) throw new DomainError('not-found', {}, 404);
	const name = sectionDocumentName(planId, clause);
	if (upTo > latestUpdateId(name)) throw new DomainError('not-found', {}, 404);
	const past = documentAt(name, upTo);
	const now = getCollab().readDocument(name);
	try {
		return {
			upTo,
			parts: diffParts(
				sectionParts(past, clause, template.structured),
				sectionParts(now, clause, template.structured)
			)
		};
	} finally {
		past.destroy();
		now.destroy();
	}
}

/** Editors of a department assigned to the section, whatever the activity's state. */
function isSectionEditor(userId: number, planId: number, clause: string): boolean {
	return canSaveNamedVersion(
		getMembership(planId, userId),
		assignedOrganizationIds(planId, clause)
	);
}

/** Whether restoring is allowed now: the reason it is not, or null. */
export function restoreRefusal(
	userId: number,
	planId: number,
	clause: string
): 'forbidden' | 'history-locked' | null {
	const facts = sectionFacts(userId, planId, clause);
	return decideRestore(facts.membership, facts.owners, facts.state);
}

export function saveNamedVersion(actor: Actor, planId: number, clause: string, label: string) {
	if (!isSectionEditor(actor.user.id, planId, clause))
		throw new DomainError('history-forbidden', {}, 403);
	const name = sectionDocumentName(planId, clause);
	const updateId = latestUpdateId(name);
	const id = Number(
		sqlite()
			.prepare(
				`INSERT INTO document_versions (name, kind, label, update_id, user_id) VALUES (?, 'named', ?, ?, ?)`
			)
			.run(name, label, updateId, actor.user.id).lastInsertRowid
	);
	appendAudit({
		action: 'history.version_saved',
		actorId: actor.user.id,
		planId,
		target: `section:${clause}`,
		details: { label, updateId },
		ip: actor.ip
	});
	return { id, updateId };
}

/**
 * Brings the section back to its state after update `upTo`, as a new change by the restorer made
 * on the live document (the collab server's `editAs`): connected editors see it at once,
 * the log keeps everything, and the state just before can be restored in turn.
 */
export async function restoreVersion(actor: Actor, planId: number, clause: string, upTo: number) {
	const refusal = restoreRefusal(actor.user.id, planId, clause);
	if (refusal === 'forbidden') throw new DomainError('history-forbidden', {}, 403);
	if (refusal) throw new DomainError(refusal, {}, 409);
	const name = sectionDocumentName(planId, clause);
	if (upTo > latestUpdateId(name)) throw new DomainError('not-found', {}, 404);
	const past = documentAt(name, upTo);
	let before = 0;
	try {
		await getCollab().editAs(actor, name, (doc) => {
			// Synchronous from here: no other update can land between reading the watermark and
			// appending the revert (persistence appends inside this transaction).
			before = latestUpdateId(name);
			Y.applyUpdate(doc, revertUpdate(doc, past));
		});
	} finally {
		past.destroy();
	}
	const after = latestUpdateId(name);
	const id = Number(
		sqlite()
			.prepare(
				`INSERT INTO document_versions (name, kind, update_id, restored_up_to, before_update_id, user_id)
				 VALUES (?, 'restore', ?, ?, ?, ?)`
			)
			.run(name, after, upTo, before, actor.user.id).lastInsertRowid
	);
	appendAudit({
		action: 'history.restored',
		actorId: actor.user.id,
		planId,
		target: `section:${clause}`,
		details: { restoredUpTo: upTo, before, after },
		ip: actor.ip
	});
	return { id, before, after };
}

/** Attribution indexes by document, extended with new log rows on each question. */
const indexes = new Map<string, { lastId: number; index: AttributionIndex }>();
const MAX_INDEXES = 32;

export interface SelectionAuthor extends HistoryUser {
	userId: number | null;
	length: number;
	first: number;
	last: number;
}

/** Who wrote the given items of a section's document, with when. */
export function authorsOf(planId: number, clause: string, ranges: readonly ItemRange[]) {
	const name = sectionDocumentName(planId, clause);
	let entry = indexes.get(name);
	if (!entry) {
		if (indexes.size >= MAX_INDEXES) indexes.delete(indexes.keys().next().value as string);
		entry = { lastId: 0, index: new AttributionIndex() };
		indexes.set(name, entry);
	}
	// The index remembers the last id it took in: on PostgreSQL a row below it that commits later
	// would never be added, so it takes in rows up to a settled id only (db/log-order.ts).
	const upTo = settledUpdateId(sqlite(), name);
	const rows = sqlite()
		.prepare<
			[string, number, number],
			{ id: number; update: Buffer; user_id: number | null; at: number; hash: string | null }
		>(
			'SELECT id, "update", user_id, at, hash FROM document_updates WHERE name = ? AND id > ? AND id <= ? ORDER BY id'
		)
		.all(name, entry.lastId, upTo);
	for (const row of rows) {
		// A row that fails its checksum credits nobody (collab/integrity.ts).
		if (!intact(row.update, row.hash))
			throw new DomainError('history-corrupt', { id: row.id }, 500);
		entry.index.add(new Uint8Array(row.update), row.user_id, row.at);
		entry.lastId = row.id;
	}
	const hits = entry.index.authorsOf(ranges);
	const users = usersByIds(hits.map((h) => h.userId));
	return hits.map((h): SelectionAuthor => ({
		...h,
		...(h.userId !== null && users[h.userId] ? users[h.userId] : { name: '', organization: '' })
	}));
}
