import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, postForm } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('login over HTTP', () => {
	it('logs in a demo account and shows its plan', async () => {
		const cookie = await login(server.url, 'fgw');
		const home = await fetch(`${server.url}/`, { headers: { cookie } });
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('示例市智慧城市顶层设计（2026—2030年）');
	});

	it('refuses a wrong password with a Chinese message and sets no session', async () => {
		const response = await postForm(server.url, '/login', {
			username: 'gaj',
			password: 'wrong-password'
		});
		expect(response.status).toBe(400);
		expect(response.headers.getSetCookie().some((c) => c.startsWith('lantu-session='))).toBe(false);
		expect(await response.text()).toContain('账号或密码不正确');
	});

	it('refuses a cross-site form post (CSRF origin check)', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'http://evil.example'
			},
			body: new URLSearchParams({ username: 'fgw', password: 'lantu2026' })
		});
		expect(response.status).toBe(403);
	});
});
