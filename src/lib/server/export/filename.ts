/**
 * `Content-Disposition` for a Chinese file name: an ASCII fallback plus RFC 5987's `filename*`
 * (UTF-8, percent-encoded), which every current browser prefers.
 */
export function contentDisposition(filename: string): string {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(filename).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Characters no file system accepts. */
export function safeFilename(name: string): string {
	return Array.from(name, (c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
		.join('')
		.trim();
}
