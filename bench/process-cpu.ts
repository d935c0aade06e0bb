/**
 * CPU used by processes beside the server under test — PostgreSQL's postmaster and its children
 * (backends, WAL writer, checkpointer, autovacuum) — which the server's own CPU per edit does not
 * count. Read from /proc (Linux), polled so that a child that exits between two reads (an
 * autovacuum worker) is counted up to its last poll.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

/** pid → [parent pid, CPU ms (user + system)] of every process now. */
function processTable(): Map<number, [number, number]> {
	const table = new Map<number, [number, number]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after "(comm)": state ppid … utime(12th) stime(13th).
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
			table.set(Number(entry), [Number(fields[1]), ms]);
		} catch {
			// gone meanwhile
		}
	}
	return table;
}

export interface CpuWatch {
	/** Starts a window. */
	mark(): void;
	/** CPU ms the watched processes used since mark(). */
	sinceMark(): number;
	stop(): void;
}

/** Watches a PostgreSQL cluster's processes: its postmaster (from postmaster.pid) and children. */
export function watchPostgresCpu(dataDirectory: string): CpuWatch {
	const postmaster = Number(
		fs.readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]
	);
	const latest = new Map<number, number>();
	let marked = new Map<number, number>();
	const poll = () => {
		for (const [pid, [parent, ms]] of processTable())
			if (pid === postmaster || parent === postmaster) latest.set(pid, ms);
	};
	const timer = setInterval(poll, 250);
	timer.unref();
	return {
		mark() {
			poll();
			marked = new Map(latest);
		},
		sinceMark() {
			poll();
			let total = 0;
			for (const [pid, ms] of latest) total += ms - (marked.get(pid) ?? 0);
			return total;
		},
		stop: () => clearInterval(timer)
	};
}
