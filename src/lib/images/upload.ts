/** The browser's side of an upload: POST the file's bytes, read { hash } or the refusal's words. */
import { imageRefusalMessage } from './messages.ts';

export async function uploadImage(
	planId: number,
	clause: string,
	file: Blob
): Promise<{ ok: true; hash: string } | { ok: false; message: string }> {
	try {
		const response = await fetch(
			`/api/plans/${planId}/sections/${encodeURIComponent(clause)}/images`,
			{ method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } }
		);
		const body = (await response.json().catch(() => ({}))) as {
			hash?: string;
			code?: string;
			message?: string;
		};
		if (response.ok && body.hash) return { ok: true, hash: body.hash };
		return { ok: false, message: body.message ?? imageRefusalMessage(body.code ?? '') };
	} catch {
		return { ok: false, message: imageRefusalMessage('') };
	}
}
