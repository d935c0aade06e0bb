/**
 * Every HTTP request path fails closed (issue 11): seeded random requests — methods, paths, queries,
 * form and JSON bodies, content types, cookies — against pages, form actions, the JSON API and
 * exports of the real server. None may get a 5xx (a malformed input is a 4xx), and the server serves
 * on. Loopback only, deterministic (LANTU_FUZZ_SEED replays a failure), bounded in count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/http.ts';
import { prng } from '../helpers/prng.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const SEED = Number(process.env.LANTU_FUZZ_SEED ?? 20261206);
const REQUESTS = 1000;

let server: TestServer;
let fgw: string;
let admin: string;

beforeAll(async () => {
	server = await startServer();
	fgw = await login(server.url, 'fgw');
	admin = await login(server.url, 'admin');
});
afterAll(async () => {
	await server?.stop('SIGKILL');
});

const PATHS = [
	'/',
	'/login',
	'/logout',
	'/locale',
	'/inbox',
	'/account',
	'/admin/users',
	'/admin/plans',
	'/admin/organizations',
	'/admin/audit',
	'/plans/1',
	'/plans/abc',
	'/plans/-1',
	'/plans/1e3',
	'/plans/99999',
	'/plans/1/dashboard',
	'/plans/1/manage',
	'/plans/1/manage/sections',
	'/plans/1/manage/invites',
	'/plans/1/sections/9.1',
	'/plans/1/sections/99.99',
	'/plans/1/sections/%zz',
	'/plans/1/sections/8.1/history',
	'/plans/1/workflow/roadmap',
	'/plans/1/workflow/%',
	'/plans/1/versions/1',
	'/plans/1/versions/1/payload',
	'/plans/1/rounds',
	'/plans/1/rounds/1',
	'/plans/1/rounds/1/report.csv',
	'/plans/1/rounds/1/answer',
	'/plans/1/export',
	'/plans/1/export/md',
	'/plans/1/export/json',
	'/plans/1/export/docx',
	'/plans/1/export/print',
	'/plans/1/export/xyz',
	'/invite/abc',
	'/consult/abc',
	'/consult/%zz',
	'/api/plans/1/sections/9.1/comments',
	'/api/plans/1/comments/1',
	'/api/plans/1/sections/9.1/history',
	'/api/plans/1/sections/9.1/history/restore',
	'/api/plans/1/sections/9.1/history/authors',
	'/_app/%zz',
	'/%',
	'/..%2f..%2fetc/passwd'
];
const QUERIES = [
	'',
	'?/add',
	'?/create',
	'?/comment',
	'?/accept',
	'?/password',
	'?/row',
	'?/submit',
	'?/answerFeedback',
	'?/%',
	'?edition=%',
	'?edition=full&numbering=zz',
	'?version=abc',
	'?version=99999',
	'?v=-1',
	'?v=%',
	`?a=${'x'.repeat(4000)}`,
	'?q=%00',
	'?actor=%00',
	'?redirectTo=/%00%E4%B8%AD',
	'?v=99999999999999999999'
];
const BODIES = [
	'',
	'{',
	'null',
	'[]',
	'{"anchor":1}',
	'{"upTo":"x"}',
	'{"ranges":[[1,"a"]]}',
	JSON.stringify({ label: 'x'.repeat(10_000) }),
	'a=%&b=',
	'role=%&userId=abc',
	`username=${'x'.repeat(3000)}`,
	'a=1&a=2&a=3',
	'clause=..%2F&organizationId=1e309',
	'\u0000\u0001\u0002',
	// NUL and other controls in fields (PostgreSQL's text refuses NUL; issue 20).
	'username=fgw%00&password=x',
	'name=%E5%8D%95%00%01&type=government&city=%00',
	'body=%E6%84%8F%00&stance=support&clause=9.1&part=p%00&start=0&end=1&name=%00',
	'reason=%00%0B&kind=thread&id=1&disposition=adopted&closeReason=%00&shortReason=%00',
	JSON.stringify({
		anchor: { kind: 'text', fragment: 'body\u0000', start: 'a', end: 'b', quote: '\u0000' },
		body: '\u0000'
	}),
	'{"label":"\\u0000\\ud800","action":"reply","body":"\\udc00\\u0000"}'
];
const TYPES = [
	'application/json',
	'application/x-www-form-urlencoded',
	'text/plain',
	'multipart/form-data; boundary=x',
	'multipart/form-data',
	'application/octet-stream'
];

describe('HTTP fuzz', () => {
	it('answers form posts whose body is no form with 400', async () => {
		for (const type of ['text/plain', 'multipart/form-data', 'multipart/form-data; boundary=x']) {
			const response = await fetch(`${server.url}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'content-type': type, origin: server.url },
				body: 'username=fgw&password=x'
			});
			expect(response.status, type).toBe(400);
		}
	});

	it('answers a form post over the body size limit with 413', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
			body: `username=${'x'.repeat(1024 * 1024)}`
		});
		expect(response.status).toBe(413);
	});

	it('answers NUL-bearing bodies on every kind of action without a 5xx (PostgreSQL refuses NUL)', async () => {
		const targets = [
			'/login',
			'/admin/organizations?/create',
			'/admin/plans?/create',
			'/admin/users?/create',
			'/account?/email',
			'/plans/1/workflow/roadmap?/publish',
			'/plans/1/workflow/requirements?/return',
			'/plans/1/workflow/overall?/fileFeedback',
			'/api/plans/1/sections/9.1/comments',
			'/api/plans/1/sections/9.1/history'
		];
		const bodies = BODIES.filter((b) => b.includes('%00') || b.includes('u0000'));
		const failures: string[] = [];
		for (const path of targets) {
			for (const body of bodies) {
				const json = path.startsWith('/api/');
				const response = await fetch(`${server.url}${path}`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						cookie: admin,
						origin: server.url,
						'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded'
					},
					body
				});
				await response.arrayBuffer();
				if (response.status >= 500)
					failures.push(`${response.status} ${path} ${body.slice(0, 40)}`);
			}
		}
		expect(failures).toEqual([]);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it(`answers ${REQUESTS} random requests without a 5xx and serves on`, async () => {
		const { pick } = prng(SEED);
		const failures: string[] = [];
		for (let i = 0; i < REQUESTS; i++) {
			const method = pick(['GET', 'GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE']);
			const path = pick(PATHS) + pick(QUERIES);
			const type = pick(TYPES);
			const response = await fetch(`${server.url}${path}`, {
				method,
				redirect: 'manual',
				headers: {
					cookie: pick([fgw, admin, 'lantu-session=%', '']),
					origin: pick([server.url, server.url, 'http://evil.example']),
					'content-type': type,
					accept: pick(['application/json', 'text/html', '*/*'])
				},
				body: method === 'GET' ? undefined : pick(BODIES)
			});
			await response.arrayBuffer();
			if (response.status >= 500) failures.push(`${response.status} ${method} ${path} ${type}`);
		}
		expect(failures).toEqual([]);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect((await fetch(`${server.url}/login`)).status).toBe(200);
		// A thousand requests one after another: a limit for a loaded CI machine, not a speed target.
	}, 120_000);
});
