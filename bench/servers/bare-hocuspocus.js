/**
 * Baseline 1: a bare Hocuspocus 4 server — no auth, no extensions, no persistence. Plain JavaScript,
 * like Lantu's build/server.js, so neither idle RSS counts Node's TypeScript stripper (~17 MB).
 */
import { Server } from '@hocuspocus/server';

const server = new Server({
	port: Number(process.env.PORT),
	address: '127.0.0.1',
	quiet: true,
	stopOnSignals: true
});
await server.listen();
process.send?.({ ready: true });
