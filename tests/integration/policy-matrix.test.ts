/**
 * Every demo role × every action, allowed and refused, through the real HTTP paths (form actions and
 * JSON APIs) and the real collab WebSocket (issue 12). The expected answer of each pair comes from
 * the policy module (src/lib/policy/matrix.ts), so the rule book and the server cannot drift apart.
 * Allowed is 2xx; refused is 403 for a member and 404 for a non-member (plans do not leak).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	allowed,
	MATRIX_ACTIONS,
	PERSONAS,
	SAMPLE,
	socketAccess,
	type MatrixAction,
	type Persona
} from '../../src/lib/policy/matrix.ts';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { frozenPassages } from '../helpers/consultation.ts';
import { closeReasons, connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { login, postForm } from '../helpers/http.ts';
import { SIGN_OFF_POLICY, submitToFinal, workflowActor } from '../helpers/sign-off.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { openTestDb } from '../helpers/db.ts';

let server: TestServer;
const cookies = new Map<string, string>();
const OUTSIDER_PASSWORD = 'Matrix-Outsider-2026!';

beforeAll(async () => {
	server = await startServer();
	const admin = await login(server.url, 'admin');
	// The non-member: a user of the experts' committee (organization 8) in no plan.
	const created = await postForm(
		server.url,
		'/admin/users?/create',
		{
			displayName: '局外人',
			username: 'matrix-outsider',
			organizationId: '8',
			password: OUTSIDER_PASSWORD
		},
		admin
	);
	expect(created.status).toBe(200);
	for (const persona of PERSONAS) {
		const password = persona.membership ? undefined : OUTSIDER_PASSWORD;
		cookies.set(persona.username, await login(server.url, persona.username, password));
	}
	cookies.set(SAMPLE.threadAuthor, await login(server.url, SAMPLE.threadAuthor));
});
afterAll(async () => {
	await server?.stop();
});

function query<T>(sql: string, ...params: unknown[]): T {
	const db = openTestDb(server, { readonly: true });
	try {
		return db.prepare(sql).get(...params) as T;
	} finally {
		db.close();
	}
}

function send(who: string, path: string, body?: unknown, accept = 'application/json') {
	return fetch(`${server.url}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept,
			cookie: cookies.get(who) ?? '',
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

function form(who: string, path: string, fields: [string, string][]) {
	return postForm(server.url, path, fields, cookies.get(who) ?? '');
}

const { clause } = SAMPLE;
const ANCHOR = {
	kind: 'text',
	fragment: 'body',
	start: 'AQID',
	end: 'AQIE',
	quote: '矩阵',
	before: '',
	after: ''
};

/** Facts the samples need, gathered through the real paths before the pairs are tried. */
const sample = {
	threadId: 0,
	upTo: 0,
	leaderId: 0,
	roundId: 0,
	roundThreadId: 0,
	/** 5.1.3: one item of feedback on 需求分析's 定稿 for each persona to answer. */
	feedbackIds: {} as Record<string, number>
};

/** The request that tries one action as one persona. */
const REQUESTS: Record<MatrixAction, (who: string) => Promise<Response>> = {
	readSection: (who) => send(who, `/plans/1/sections/${clause}`, undefined, 'text/html'),
	comment: (who) =>
		send(who, `/api/plans/1/sections/${clause}/comments`, { anchor: ANCHOR, body: `${who} 意见` }),
	resolveThread: (who) =>
		send(who, `/api/plans/1/comments/${sample.threadId}`, { action: 'resolve' }),
	saveNamedVersion: (who) =>
		send(who, `/api/plans/1/sections/${clause}/history`, { label: `${who} 的版本` }),
	restoreHistory: (who) =>
		send(who, `/api/plans/1/sections/${clause}/history/restore`, { upTo: sample.upTo }),
	exportDraft: (who) => send(who, '/plans/1/export/md?version=draft', undefined, '*/*'),
	// Adding a membership that exists already: the real action, changing nothing.
	manageMembers: (who) =>
		form(who, '/plans/1/manage?/add', [
			['userId', String(sample.leaderId)],
			['role', 'approver']
		]),
	publish: (who) =>
		form(who, `/plans/1/workflow/${SAMPLE.publishActivity}?/publish`, [
			['configured', '1'],
			['groups', 'residents'],
			['days', '30']
		]),
	waiveConsultation: (who) =>
		form(who, `/plans/1/workflow/${SAMPLE.waiveActivity}?/policy`, [
			['departments', '2'],
			['enterpriseCount', '0'],
			['residentCount', '0'],
			['approverId', ''],
			['consultationWaiver', `${who} 认为无需征求意见`]
		]),
	// The manual check of the sample's chapter (8.1.1); confirming it again only renews it.
	confirmManualCheck: (who) =>
		form(who, '/plans/1/dashboard?/confirm', [['checkId', 'manual:8.1.1']]),
	answerConsultation: (who) =>
		form(who, `/plans/1/rounds/${sample.roundId}?/answer`, [
			['kind', 'thread'],
			['id', String(sample.roundThreadId)],
			['disposition', 'partial'],
			['reason', `${who} 的答复`]
		]),
	fileFeedback: (who) =>
		form(who, `/plans/1/workflow/${SAMPLE.feedbackActivity}?/fileFeedback`, [
			['clause', SAMPLE.feedbackClause],
			['text', `${who} 的检验反馈`]
		]),
	answerFeedback: (who) =>
		form(who, '/plans/1/workflow/requirements?/answerFeedback', [
			['id', String(sample.feedbackIds[who] ?? 0)],
			['disposition', 'rejected'],
			['answer', `${who} 不采纳的理由`]
		])
};

/** Those refused first, so an allowed state change (publishing) comes after every refusal. */
const refusedFirst = (action: MatrixAction) =>
	[...PERSONAS].sort((a, b) => Number(allowed(a, action)) - Number(allowed(b, action)));

async function tryPair(persona: Persona, action: MatrixAction) {
	const response = await REQUESTS[action](persona.username);
	await response.arrayBuffer();
	if (allowed(persona, action)) {
		expect(response.status, `${persona.label} may ${action}`).toBeGreaterThanOrEqual(200);
		expect(response.status, `${persona.label} may ${action}`).toBeLessThan(300);
	} else {
		expect(response.status, `${persona.label} may not ${action}`).toBe(
			persona.membership ? 403 : 404
		);
	}
}

function pairs(action: MatrixAction) {
	for (const persona of refusedFirst(action)) {
		const verb = allowed(persona, action) ? 'may' : 'may not';
		it(`${persona.label} ${verb} ${action}`, () => tryPair(persona, action));
	}
}

describe('the live section over the collab WebSocket', () => {
	let observer: TestProvider;
	beforeAll(async () => {
		observer = connect(server.url, cookies.get('dsj')!, `plan/1/section/${clause}`);
		await eventually(() => expect(observer.provider.isSynced).toBe(true));
	});
	afterAll(() => observer.destroy());

	for (const persona of PERSONAS) {
		const access = socketAccess(persona);
		it(`${persona.label} gets ${access}`, async () => {
			let refused = false;
			const client = connect(
				server.url,
				cookies.get(persona.username)!,
				`plan/1/section/${clause}`,
				{
					onAuthenticationFailed: () => (refused = true)
				}
			);
			try {
				const mark = `〔${persona.username}〕`;
				const text = () => observer.doc.getText('matrix').toString();
				if (access === 'none') {
					await eventually(() => expect(refused).toBe(true));
				} else if (access === 'write') {
					await eventually(() => expect(client.provider.authorizedScope).toBe('read-write'));
					client.doc.getText('matrix').insert(0, mark);
					await eventually(() => expect(text()).toContain(mark));
				} else if (access === 'suggest') {
					// 修订: writable, but an edit outside suggestion marks closes the document.
					const reasons = closeReasons(client);
					await eventually(() => expect(client.provider.authorizedScope).toBe('read-write'));
					await eventually(() => expect(client.provider.isSynced).toBe(true));
					client.doc.getText('matrix').insert(0, mark);
					await eventually(() => expect(reasons).toContain('suggestionsOnly'));
					expect(text()).not.toContain(mark);
				} else {
					await eventually(() => expect(client.provider.authorizedScope).toBe('readonly'));
					await eventually(() => expect(client.provider.isSynced).toBe(true));
					client.doc.getText('matrix').insert(0, mark);
					// The server handles a connection's messages in order: once the awareness sent after
					// the update reaches the observer, the update has been handled (and refused).
					client.provider.setAwarenessField('matrix', mark);
					await eventually(() =>
						expect(observer.provider.awareness?.getStates().get(client.doc.clientID)?.matrix).toBe(
							mark
						)
					);
					expect(text()).not.toContain(mark);
				}
			} finally {
				client.destroy();
			}
		});
	}
});

describe('HTTP actions', () => {
	beforeAll(async () => {
		const opened = await send(SAMPLE.threadAuthor, `/api/plans/1/sections/${clause}/comments`, {
			anchor: ANCHOR,
			body: '请补充应用架构说明'
		});
		expect(opened.status).toBe(201);
		sample.threadId = ((await opened.json()) as { threadId: number }).threadId;
		const history = await send('admin', `/api/plans/1/sections/${clause}/history`);
		sample.upTo = ((await history.json()) as { latest: number }).latest;
		expect(sample.upTo).toBeGreaterThan(0);
		sample.leaderId = query<{ id: number }>("SELECT id FROM users WHERE username = 'leader'").id;
	});

	// Every action of the matrix, in its order (publishing before waiving), except those that need
	// a sample prepared first: they follow with their own setup.
	const prepared: readonly MatrixAction[] = [
		'answerConsultation',
		'fileFeedback',
		'answerFeedback'
	];
	for (const action of MATRIX_ACTIONS.filter((a) => !prepared.includes(a))) {
		describe(action, () => pairs(action));
	}

	describe('answerConsultation', () => {
		beforeAll(async () => {
			// Publishing (above) opened a round to residents; a resident comments on 9.2.
			const round = query<{ id: number; version_id: number }>(
				'SELECT id, version_id FROM consultation_rounds WHERE plan_id = 1 AND activity = ? ORDER BY id DESC LIMIT 1',
				SAMPLE.publishActivity
			);
			sample.roundId = round.id;
			const { payload } = query<{ payload: string }>(
				'SELECT c.payload FROM activity_versions v JOIN version_contents c ON c.hash = v.hash WHERE v.id = ?',
				round.version_id
			);
			const passage = frozenPassages(JSON.parse(payload) as VersionPayload, 12, 1).find(
				(p) => p.clause === SAMPLE.answerClause
			)!;
			const commented = await form('jumin', `/plans/1/rounds/${round.id}?/comment`, [
				['clause', passage.clause],
				['part', passage.part],
				['start', String(passage.start)],
				['end', String(passage.end)],
				['stance', 'suggest'],
				['body', '建议补充社区服务内容']
			]);
			expect(commented.status).toBe(200);
			sample.roundThreadId = query<{ id: number }>(
				'SELECT id FROM comment_threads WHERE round_id = ? ORDER BY id DESC LIMIT 1',
				round.id
			).id;
		});
		pairs('answerConsultation');
	});

	describe('5.1.3 feedback', () => {
		beforeAll(async () => {
			// 需求分析 reaches its 定稿, so 总体设计 (drafting) may check it; one item per persona.
			const act = workflowActor(
				() => server.url,
				(who) => cookies.get(who) ?? '',
				'requirements'
			);
			await act('admin', 'policy', [...SIGN_OFF_POLICY, ['consultationWaiver', '矩阵测试']]);
			await submitToFinal(act);
			for (const persona of PERSONAS) {
				const filed = await REQUESTS.fileFeedback('reviewer');
				expect(filed.status).toBe(200);
				sample.feedbackIds[persona.username] = query<{ id: number }>(
					'SELECT max(id) AS id FROM prior_feedback'
				).id;
			}
		});
		describe('fileFeedback', () => pairs('fileFeedback'));
		describe('answerFeedback', () => pairs('answerFeedback'));
	});
});

describe('changing a fact re-applies access to live connections (the service announces it)', () => {
	it('an editor removed from the plan through the members form loses the open section', async () => {
		let refused = false;
		const editor = connect(server.url, cookies.get('dsj')!, `plan/1/section/${clause}`, {
			reconnect: true,
			onAuthenticationFailed: () => (refused = true)
		});
		try {
			await eventually(() => expect(editor.provider.authorizedScope).toBe('read-write'));
			const dsjId = query<{ id: number }>("SELECT id FROM users WHERE username = 'dsj'").id;
			const removed = await form('admin', '/plans/1/manage?/remove', [
				['userId', String(dsjId)],
				['role', 'editor']
			]);
			expect(removed.status).toBe(200);
			// Closed at once, the provider reconnects and is refused: dsj is no longer a member.
			await eventually(() => expect(refused).toBe(true));
		} finally {
			editor.destroy();
		}
	});
});
