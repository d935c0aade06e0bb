/**
 * V8 flags the server process is started with (`npm start`, `npm run serve`, the tests, the cluster).
 * On a machine with plenty of memory V8 sizes the young generation up to 3 × 64 MB, which an idle
 * Lantu then holds as RSS (~270 MB against ~165 MB with these flags, bench/idle-rss.ts). 8 MB
 * semi-spaces are still larger than Node's default before V8 made it dynamic (16 MB young
 * generation); `npm run serve` in package.json repeats the flag.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];
