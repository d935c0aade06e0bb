import { describe, expect, it } from 'vitest';
import { getDb } from '../db/index.ts';
import { appendAudit, verifyAuditLog } from './index.ts';

describe('audit log in SQLite', () => {
	it('chains appended entries and verifies them', () => {
		appendAudit({ action: 'login', actorId: 1, ip: '127.0.0.1' });
		appendAudit({
			action: 'member.added',
			actorId: 1,
			planId: 1,
			target: 'user:2',
			details: { role: 'editor' }
		});
		const result = verifyAuditLog();
		expect(result).toMatchObject({ ok: true, entries: 2 });
	});

	it('refuses UPDATE and DELETE through SQL', () => {
		const sqlite = getDb().$client;
		expect(() => sqlite.prepare("UPDATE audit_log SET action = 'logout'").run()).toThrow(
			/append-only/
		);
		expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
	});

	it('detects an entry altered behind the triggers’ back', () => {
		const sqlite = getDb().$client;
		appendAudit({ action: 'plan.created', actorId: 1, planId: 3, details: { name: '原名' } });
		sqlite.exec('DROP TRIGGER audit_log_no_update');
		sqlite
			.prepare(`UPDATE audit_log SET details = '{"name":"改名"}' WHERE action = 'plan.created'`)
			.run();
		const result = verifyAuditLog();
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toBe('hash');
	});
});
