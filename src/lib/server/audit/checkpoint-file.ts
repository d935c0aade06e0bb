/**
 * The audit checkpoint file (`$DATA_DIR/audit-checkpoint.json`): the chain head `{ id, hash }`
 * outside the database, so deleting the newest entries (which leaves a valid, shorter chain) is
 * caught. Written atomically (temporary file + rename). Shared by the server and
 * `npm run audit:verify`; plain fs, no server configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CHECKPOINT_FILE = 'audit-checkpoint.json';

const Checkpoint = z.object({
	id: z.number().int().positive(),
	hash: z.string().regex(/^[0-9a-f]{64}$/),
	at: z.string().optional()
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export function checkpointPath(dataDir: string): string {
	return path.join(dataDir, CHECKPOINT_FILE);
}

/** The checkpoint, null when there is none; throws when the file exists but is not one. */
export function readCheckpoint(file: string): Checkpoint | null {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	return Checkpoint.parse(JSON.parse(text));
}

export function writeCheckpoint(file: string, head: { id: number; hash: string }): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const temp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(
		temp,
		JSON.stringify({ id: head.id, hash: head.hash, at: new Date().toISOString() }) + '\n'
	);
	fs.renameSync(temp, file);
}
