/**
 * The public round page rendered once per change (issue 15; consultation/public-page-cache.ts),
 * against the real server: anonymous readers share one rendering until something they see
 * changes — a member's opinion, an approved public one, an answer, moderation, the 公开 setting —
 * and see the change on the next request; a signed-in reader's page is never stored or served to
 * anyone else; each response carries its own CSP nonce; a tampered frozen version is refused, not
 * served from the cache.
 */
import { describe, expect, it } from 'vitest';
import { firstPassageComment } from '../helpers/consultation.ts';
import { testDatabase } from '../helpers/db.ts';
import { postFormPage } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const ACCOUNTS = ['admin', 'jumin'] as const;
type Account = (typeof ACCOUNTS)[number];
const { server, cookies } = serverPerFile(ACCOUNTS);
const db = testDatabase(() => server);
const post = (who: Account, path: string, fields: [string, string][]) =>
	postFormPage(server.url, path, fields, cookies.get(who));

interface Round {
	id: number;
	version_id: number;
	public_token: string;
}

/** An anonymous reader's GET of the public page: status, cache verdict, CSP nonce and HTML. */
async function read(url: string, cookie?: string) {
	const response = await fetch(`${server.url}${url}`, { headers: cookie ? { cookie } : {} });
	const html = await response.text();
	const csp = response.headers.get('content-security-policy') ?? '';
	return {
		status: response.status,
		cache: response.headers.get('x-lantu-cache'),
		nonce: /'nonce-([^']+)'/.exec(csp)?.[1] ?? null,
		html
	};
}

describe('the public round page cache', () => {
	let round: Round;
	let url = '';
	const base = () => `/plans/1/rounds/${round.id}`;

	it('serves anonymous readers one rendering, each with its own nonce', async () => {
		const published = await post('admin', '/plans/1/workflow/overall?/publish', [
			['configured', '1'],
			['groups', 'residents'],
			['days', '30'],
			['publicLink', 'on'],
			['opinionsPublic', 'public']
		]);
		expect(published.status).toBe(200);
		round = db.query<Round>(
			"SELECT id, version_id, public_token FROM consultation_rounds WHERE plan_id = 1 AND activity = 'overall' ORDER BY id DESC LIMIT 1"
		);
		url = `/consult/${round.public_token}`;
		const first = await read(url);
		const second = await read(url);
		expect(first.status).toBe(200);
		expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
		expect(second.html.length).toBeGreaterThan(1000);
		// A fresh nonce per response, the same in the header and the bootstrap script.
		expect(first.nonce).not.toBeNull();
		expect(second.nonce).not.toBe(first.nonce);
		expect(second.html).toContain(`nonce="${second.nonce}"`);
		expect(second.html).not.toContain(first.nonce);
		// Same page apart from the nonce.
		expect(second.html.replaceAll(second.nonce ?? '', 'N')).toBe(
			first.html.replaceAll(first.nonce ?? '', 'N')
		);
	});

	it('shows a member opinion, an approved public one, answers and moderation at once', async () => {
		await read(url);
		const commented = await post(
			'jumin',
			`${base()}?/comment`,
			firstPassageComment(db, round.version_id, '居民意见：社区食堂')
		);
		expect(commented.status).toBe(200);
		const withOpinion = await read(url);
		expect(withOpinion.cache).toBe('miss');
		expect(withOpinion.html).toContain('居民意见：社区食堂');
		expect(withOpinion.html).not.toContain('郑阿姨');

		// A public comment held for moderation, approved by the plan admin.
		const fields = Object.fromEntries(firstPassageComment(db, round.version_id, ''));
		const held = db.writeReturning<{ id: number }>(
			`INSERT INTO public_comments (round_id, clause, part, start_offset, end_offset, quote, stance, body, name, status, created_at)
			 VALUES (?, ?, ?, ?, ?, '', 'suggest', '公众意见：夜间公交', '钱先生', 'pending', ?) RETURNING id`,
			round.id,
			fields.clause,
			fields.part,
			Number(fields.start),
			Number(fields.end),
			Date.now()
		);
		const id = String(held.id);
		expect((await read(url)).html).not.toContain('公众意见：夜间公交');
		const approve = await post('admin', `${base()}?/moderate`, [
			['id', id],
			['decision', 'approve']
		]);
		expect(approve.status).toBe(200);
		expect((await read(url)).html).toContain('公众意见：夜间公交');

		// An answer shows on the next read.
		const answered = await post('admin', `${base()}?/answer`, [
			['kind', 'public'],
			['id', id],
			['disposition', 'adopted'],
			['reason', '已纳入夜间公交线路规划']
		]);
		expect(answered.status).toBe(200);
		expect((await read(url)).html).toContain('已纳入夜间公交线路规划');

		// Hidden by moderation: gone at once.
		const hide = await post('admin', `${base()}?/moderate`, [
			['id', id],
			['decision', 'hide'],
			['reason', '含个人信息']
		]);
		expect(hide.status).toBe(200);
		expect((await read(url)).html).not.toContain('公众意见：夜间公交');
	});

	it('follows the 公开 setting and never shares a signed-in reader’s page', async () => {
		const openness = `${base()}?/openness`;
		expect((await post('admin', openness, [['opinionsPublic', 'private']])).status).toBe(200);
		const closed = await read(url);
		expect(closed.cache).toBe('miss');
		expect(closed.html).not.toContain('居民意见：社区食堂');
		const own = await post(
			'jumin',
			`${base()}?/comment`,
			firstPassageComment(db, round.version_id, '居民私下意见：停车位')
		);
		expect(own.status).toBe(200);
		// The member reads the public link signed in: rendered for them alone, not stored.
		const signedIn = await read(url, cookies.get('jumin'));
		expect(signedIn.status).toBe(200);
		expect(signedIn.cache).toBeNull();
		expect(signedIn.html).toContain('郑阿姨');
		const anonymous = await read(url);
		const again = await read(url);
		expect(again.cache).toBe('hit');
		for (const page of [anonymous, again]) {
			expect(page.html).not.toContain('郑阿姨');
			expect(page.html).not.toContain('居民私下意见：停车位');
			expect(page.html).not.toContain('居民意见：社区食堂');
		}
		// A stale or foreign session cookie is not anonymous either: rendered, never cached.
		expect((await read(url, 'lantu-session=not-a-session')).cache).toBeNull();

		expect((await post('admin', openness, [['opinionsPublic', 'public']])).status).toBe(200);
		const open = await read(url);
		expect(open.html).toContain('居民私下意见：停车位');
		expect(open.html).not.toContain('郑阿姨');
	});

	it('refuses a tampered frozen version instead of serving the cached page', async () => {
		const good = await read(url);
		expect(good.html).not.toContain('完整性校验失败');
		const { quote } = db.query<{ quote: string }>(
			'SELECT quote FROM comment_threads WHERE round_id = ? ORDER BY id LIMIT 1',
			round.id
		);
		expect(quote.length).toBeGreaterThan(0);
		expect((await read(url)).cache).toBe('hit');
		db.write(
			`UPDATE version_contents SET payload = replace(payload, ?, ?)
			 WHERE hash = (SELECT hash FROM activity_versions WHERE id = ?)`,
			quote,
			`${quote}（篡改）`,
			round.version_id
		);
		const tampered = await read(url);
		expect(tampered.status).toBe(200);
		expect(tampered.cache).toBe('miss');
		expect(tampered.html).toContain('完整性校验失败');
		expect(tampered.html).not.toContain('（篡改）');
		expect((await read(url)).html).toContain('完整性校验失败');
	});
});
