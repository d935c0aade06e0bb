/** Baseline 1: a bare Hocuspocus 4 server — no auth, no extensions, no persistence. */
import { Server } from '@hocuspocus/server';

const server = new Server({
	port: Number(process.env.PORT),
	address: '127.0.0.1',
	quiet: true,
	stopOnSignals: true
});
await server.listen();
process.send?.({ ready: true });
