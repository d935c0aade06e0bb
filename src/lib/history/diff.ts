/**
 * A character diff of two plain texts (Myers' O(ND) algorithm after trimming the common prefix and
 * suffix), for showing what changed between a past version of a section and now. Chinese has no
 * spaces to split on, so characters (UTF-16 code units of whole code points) are the unit.
 */
export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
	op: DiffOp;
	text: string;
}

/** Beyond this many edits the diff gives up on detail and shows old deleted, new inserted. */
const MAX_EDITS = 4000;

export function diffText(before: string, after: string): DiffPart[] {
	if (before === after) return before ? [{ op: 'equal', text: before }] : [];
	const a = Array.from(before);
	const b = Array.from(after);
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	const parts: DiffPart[] = [];
	const push = (op: DiffOp, text: string) => {
		if (!text) return;
		const last = parts[parts.length - 1];
		if (last && last.op === op) last.text += text;
		else parts.push({ op, text });
	};
	push('equal', a.slice(0, start).join(''));
	for (const part of middle(a.slice(start, endA), b.slice(start, endB))) push(part.op, part.text);
	push('equal', a.slice(endA).join(''));
	// Show a replacement as deletion then insertion, the order readers expect.
	return parts;
}

function middle(a: string[], b: string[]): DiffPart[] {
	if (a.length === 0) return b.length ? [{ op: 'insert', text: b.join('') }] : [];
	if (b.length === 0) return [{ op: 'delete', text: a.join('') }];
	const n = a.length;
	const m = b.length;
	const max = Math.min(n + m, MAX_EDITS);
	const offset = max + 1;
	const v = new Int32Array(2 * max + 3);
	const trace: Int32Array[] = [];
	let found = false;
	for (let d = 0; d <= max && !found; d++) {
		trace.push(v.slice());
		for (let k = -d; k <= d; k += 2) {
			let x =
				k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
					? v[offset + k + 1]
					: v[offset + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				found = true;
				break;
			}
		}
	}
	if (!found) {
		return [
			{ op: 'delete', text: a.join('') },
			{ op: 'insert', text: b.join('') }
		];
	}
	// Walk back through the trace to recover the edit script.
	const ops: { op: DiffOp; ch: string }[] = [];
	let x = n;
	let y = m;
	for (let d = trace.length - 1; d >= 0; d--) {
		const vd = trace[d];
		const k = x - y;
		const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
		const prevX = vd[offset + prevK];
		const prevY = prevX - prevK;
		while (x > prevX && y > prevY) {
			ops.push({ op: 'equal', ch: a[x - 1] });
			x--;
			y--;
		}
		if (d > 0) {
			if (x === prevX) ops.push({ op: 'insert', ch: b[y - 1] });
			else ops.push({ op: 'delete', ch: a[x - 1] });
		}
		x = prevX;
		y = prevY;
	}
	ops.reverse();
	const parts: DiffPart[] = [];
	for (const { op, ch } of ops) {
		const last = parts[parts.length - 1];
		if (last && last.op === op) last.text += ch;
		else parts.push({ op, text: ch });
	}
	return parts;
}

/** Whether a diff has any change at all. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
	return parts.some((p) => p.op !== 'equal');
}
