/**
 * Starts one real server (built app, fresh temporary database with the demo city) for the browser
 * tests and hands its URL to them through the environment; returns the teardown.
 */
import { startServer } from '../helpers/server.ts';

export default async function globalSetup() {
	const server = await startServer();
	process.env.LANTU_E2E_URL = server.url;
	return async () => {
		await server.stop();
	};
}
