/**
 * One propagation run against one server with the server's CPU profiled over the editing window:
 * `node bench/profile.ts <lantu|hocuspocus|y-websocket> <clients/sections> <seconds> <out.cpuprofile>`
 * (open the file in Chrome DevTools' Performance panel). Not part of `npm run bench`.
 */
import { measurePropagation } from './propagation.ts';
import { startTarget, type TargetName } from './targets.ts';

const [name = 'lantu', size = '300/30', seconds = '8', file] = process.argv.slice(2);
const [clients, sections] = size.split('/').map(Number);
const target = await startTarget(name as TargetName);
try {
	const result = await measurePropagation(target, {
		clients,
		sections,
		seconds: Number(seconds),
		editsPerSecond: 2,
		profile: file
	});
	console.log(name, size, JSON.stringify(result));
} finally {
	await target.stop();
}
