/** A stable colour per user for cursors and avatars, from a palette that reads well on white. */
const PALETTE = [
	'#2563eb',
	'#db2777',
	'#16a34a',
	'#ea580c',
	'#7c3aed',
	'#0891b2',
	'#ca8a04',
	'#dc2626',
	'#4f46e5',
	'#059669'
];

export function userColor(userId: number): string {
	return PALETTE[Math.abs(userId) % PALETTE.length];
}
