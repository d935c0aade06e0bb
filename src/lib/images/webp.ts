/**
 * Word cannot show WebP, so the editor uploads a WebP picture as PNG (decoded and re-encoded by
 * the browser, which reads WebP natively). Anything else is uploaded as it is. A WebP the browser
 * cannot decode goes up unchanged and the server decides.
 */
export async function uploadable(file: File): Promise<Blob> {
	if (file.type !== 'image/webp' || typeof createImageBitmap !== 'function') return file;
	try {
		const bitmap = await createImageBitmap(file);
		try {
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
			canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
			return await canvas.convertToBlob({ type: 'image/png' });
		} finally {
			bitmap.close();
		}
	} catch {
		return file;
	}
}
