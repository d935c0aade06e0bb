/**
 * What the server process runs: server/index.ts compiled by `vite build` (server/entry-build.ts),
 * so Node's TypeScript stripper is never loaded into it (~17 MB resident). `npm run serve` in
 * package.json and docs/lantu.service name it too.
 */
export const SERVER_ENTRY = 'build/server.js';

/**
 * V8 flags the server process is started with (`npm start`, `npm run serve`, `npm run cluster`, the
 * tests and benchmarks). On a machine with plenty of memory V8 sizes the young generation up to
 * 3 × 64 MB and grows the old generation generously, which an idle Lantu then holds as RSS: ~270 MB
 * without these flags, 135–137 MiB with them and SERVER_ENTRY (bench/idle-rss.ts, issue 20's
 * target is 150 MB). Measured on the propagation benchmark (100 clients / 10 sections) the CPU per
 * edit stayed within the noise of this machine; `--optimize-for-size` would save another ~20 MB but
 * cost ~20–30 % CPU per edit. `npm run serve` in package.json repeats them (an npm script cannot
 * import this file).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=10'];
