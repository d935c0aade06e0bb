/**
 * Baseline of the consultation benchmark: one file served as a static file, the way adapter-node
 * serves the build's client assets (size and ETag decided at start, then a header write and a file
 * stream per request), by a Node process of its own. adapter-node serves only the closed set of
 * files recorded at build time, so the page's bytes cannot be added to Lantu's own process.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const file = process.env.STATIC_FILE ?? '';
const bytes = fs.readFileSync(file);
const headers = {
	'content-type': 'text/html; charset=utf-8',
	'content-length': bytes.length,
	etag: `"${createHash('sha1').update(bytes).digest('hex')}"`,
	'accept-ranges': 'bytes'
};
const server = http.createServer((req, res) => {
	res.writeHead(200, headers);
	fs.createReadStream(file).pipe(res);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
