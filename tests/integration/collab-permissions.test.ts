import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeReasons, connect, eventually } from '../helpers/collab.ts';
import { login, postForm } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const { server, cookies } = serverPerFile(['admin', 'dsj']);
const cookieOf = (who: string) => cookies.get(who) ?? '';

describe('live connections follow permission changes at once', () => {
	it('an editor whose department loses the section becomes suggest-only and its direct edits are refused', async () => {
		const editor = connect(server.url, cookieOf('dsj'), 'plan/1/section/8.3', { reconnect: true });
		const watcher = connect(server.url, cookieOf('admin'), 'plan/1/section/8.3');
		const reasons = closeReasons(editor);
		try {
			await eventually(() => expect(editor.provider.authorizedScope).toBe('read-write'));
			await eventually(() => expect(watcher.provider.isSynced).toBe(true));
			editor.doc.getText('t').insert(0, '应用架构');
			await eventually(() => expect(watcher.doc.getText('t').toString()).toBe('应用架构'));

			// 大数据局 is organization 1 in the demo seed.
			const response = await postForm(
				server.url,
				'/plans/1/manage/sections?/unassign',
				{ clause: '8.3', organizationId: '1' },
				cookieOf('admin')
			);
			expect(response.status).toBe(200);

			// Another department's editor may still suggest (修订): the connection is closed at once and
			// comes back writable inside suggestion marks only, so a direct edit closes it for good.
			await eventually(() => expect(reasons).toContain('authorizationChanged'));
			await eventually(() => expect(editor.provider.isSynced).toBe(true));
			editor.doc.getText('t').insert(4, '（越权修改）');
			await eventually(() => expect(reasons).toContain('suggestionsOnly'));
			// A fresh reader gets the server's copy: the refused edit is not in it.
			const reader = connect(server.url, cookieOf('admin'), 'plan/1/section/8.3');
			try {
				await eventually(() => expect(reader.provider.isSynced).toBe(true));
				expect(reader.doc.getText('t').toString()).toBe('应用架构');
			} finally {
				reader.destroy();
			}
			expect(watcher.doc.getText('t').toString()).toBe('应用架构');
		} finally {
			editor.destroy();
			watcher.destroy();
		}
	});
});

describe('presence identity is set by the server', () => {
	it('overwrites a forged awareness user with the session’s identity', async () => {
		const fgw = await login(server.url, 'fgw');
		// fgw may only suggest on 8.1 (修订), and pretends to be the leader.
		const forger = connect(server.url, fgw, 'plan/1/section/8.1');
		const observer = connect(server.url, cookieOf('admin'), 'plan/1/section/8.1');
		try {
			await eventually(() => expect(forger.provider.isSynced).toBe(true));
			await eventually(() => expect(observer.provider.isSynced).toBe(true));
			forger.provider.setAwarenessField('user', {
				name: '周市长',
				organization: '示例市人民政府办公室',
				color: '#000'
			});
			await eventually(() => {
				const state = observer.provider.awareness?.getStates().get(forger.doc.clientID);
				expect(state?.user?.name).toBe('张丽华');
				expect(state?.user?.organization).toBe('示例市发展和改革委员会');
			});
		} finally {
			forger.destroy();
			observer.destroy();
		}
	});

	it('drops awareness states a connection sends for another connection’s client', async () => {
		const fgw = await login(server.url, 'fgw');
		const victim = connect(server.url, cookieOf('admin'), 'plan/1/section/8.2');
		const observer = connect(server.url, cookieOf('dsj'), 'plan/1/section/8.2');
		await eventually(() => expect(victim.provider.isSynced).toBe(true));
		await eventually(() => expect(observer.provider.isSynced).toBe(true));
		victim.provider.setAwarenessField('user', { name: 'whoever' });
		await eventually(() =>
			expect(observer.provider.awareness?.getStates().get(victim.doc.clientID)?.user?.name).toBe(
				'王建国'
			)
		);
		// The forger reuses the victim's clientID for its own Y.Doc and announces a state under it.
		const forgedDoc = new Y.Doc();
		forgedDoc.clientID = victim.doc.clientID;
		const forger = connect(server.url, fgw, 'plan/1/section/8.2');
		try {
			await eventually(() => expect(forger.provider.isSynced).toBe(true));
			const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
			const fake = new Awareness(forgedDoc);
			// Awareness keeps the state with the highest clock per client: outbid the victim's.
			for (let i = 0; i < 100; i++) fake.setLocalState({ user: { name: '冒充者' }, cursor: i });
			// Send it through the forger's awareness channel.
			const update = encodeAwarenessUpdate(fake, [forgedDoc.clientID]);
			const { applyAwarenessUpdate } = await import('y-protocols/awareness');
			applyAwarenessUpdate(forger.provider.awareness!, update, 'forge');
			forger.provider.awareness!.emit('update', [
				{ added: [], updated: [forgedDoc.clientID], removed: [] },
				'local'
			]);
			// The server handles one connection's messages in order and relays them in order: once
			// the observer sees the forger's own state sent after the forgery, the forgery was handled.
			forger.provider.setAwarenessField('probe', 'after-forgery');
			await eventually(() =>
				expect(observer.provider.awareness?.getStates().get(forger.doc.clientID)?.probe).toBe(
					'after-forgery'
				)
			);
			expect(observer.provider.awareness?.getStates().get(victim.doc.clientID)?.user?.name).toBe(
				'王建国'
			);
			expect(observer.provider.awareness?.getStates().get(victim.doc.clientID)?.cursor).toBe(
				undefined
			);
		} finally {
			forger.destroy();
			victim.destroy();
			observer.destroy();
		}
	});
});
