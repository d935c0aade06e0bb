/**
 * Opening an uploaded .docx without trusting it. Every refusal is a `DocxRefusal` whose code the
 * page words (docxio_refused_*), decided before anything is parsed or changed:
 * - too large: the upload itself (the route caps it while reading, here again);
 * - encrypted: a password-protected Word file is an OLE compound file (CFB), not a zip;
 * - not a docx: anything else that is not a zip, or a zip without word/document.xml;
 * - macros: a .docm / macro-enabled content type, or a vbaProject.bin anywhere;
 * - zip bomb: too many entries, declared sizes over the cap, or an entry inflating past its
 *   declared size (yauzl's validateEntrySizes stops the stream there) or past our total cap.
 * Only the few XML parts the import reads are inflated, and the pictures in word/media (each at
 * most the image module's size; the image module sniffs and checks them before any is kept).
 */
import yauzl from 'yauzl';
import { IMAGE_LIMITS } from '../../images/limits.ts';

export const DOCX_LIMITS = {
	/** The upload (20 MiB: a long text-only plan is a few hundred KiB; images are what weighs). */
	maxFileBytes: 20 * 1024 * 1024,
	maxEntries: 2000,
	/** Sum of the declared uncompressed sizes of all entries. */
	maxTotalBytes: 200 * 1024 * 1024,
	/** One XML part the import inflates. */
	maxPartBytes: 40 * 1024 * 1024
} as const;

export type DocxRefusalCode =
	| 'too-large'
	| 'encrypted'
	| 'not-docx'
	| 'macros'
	| 'zip-bomb'
	| 'too-many-entries'
	| 'malformed'
	| 'empty'
	/** The import would take the section past its size cap (apply.ts). */
	| 'section-full';

export class DocxRefusal extends Error {
	readonly code: DocxRefusalCode;
	// No parameter property: the export worker runs this file with Node's type stripping.
	constructor(code: DocxRefusalCode) {
		super(`docx refused: ${code}`);
		this.code = code;
	}
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
	return magic.every((b, i) => bytes[i] === b);
}

/** The parts the import reads (others — images, themes, settings — are never inflated). */
const WANTED = new Set([
	'[Content_Types].xml',
	'word/document.xml',
	'word/styles.xml',
	'word/numbering.xml',
	'word/comments.xml',
	'word/footnotes.xml',
	'word/endnotes.xml',
	'word/_rels/document.xml.rels'
]);

/** The XML parts by name, and the pictures of word/media by name (bytes). */
export interface DocxParts extends Map<string, string> {
	media?: Map<string, Uint8Array>;
}

/** At most this many pictures are read from one file (the rest are left out and counted). */
export const MAX_DOCX_IMAGES = 200;
const MEDIA = /^word\/media\/[^/]+$/;

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
	return new Promise((resolve, reject) =>
		yauzl.fromBuffer(
			Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
			{ lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
			(err, zip) => (err || !zip ? reject(new DocxRefusal('malformed')) : resolve(zip))
		)
	);
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		zip.openReadStream(entry, (err, stream) => {
			if (err || !stream) return reject(new DocxRefusal('malformed'));
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				// validateEntrySizes already stops at the declared size; this is the absolute cap.
				if (size > DOCX_LIMITS.maxPartBytes) {
					stream.destroy();
					reject(new DocxRefusal('zip-bomb'));
					return;
				}
				chunks.push(chunk);
			});
			stream.on('error', (cause: Error) =>
				reject(
					new DocxRefusal(
						/too many bytes|too few bytes/.test(cause.message) ? 'zip-bomb' : 'malformed'
					)
				)
			);
			stream.on('end', () => resolve(Buffer.concat(chunks)));
		});
	});
}

/** The upload's XML parts, or a DocxRefusal; nothing is written anywhere. */
export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
	if (bytes.byteLength > DOCX_LIMITS.maxFileBytes) throw new DocxRefusal('too-large');
	if (startsWith(bytes, CFB_MAGIC)) throw new DocxRefusal('encrypted');
	if (!startsWith(bytes, ZIP_MAGIC)) throw new DocxRefusal('not-docx');
	const zip = await openZip(bytes);
	try {
		if (zip.entryCount > DOCX_LIMITS.maxEntries) throw new DocxRefusal('too-many-entries');
		const parts: DocxParts = new Map();
		let declared = 0;
		const entries: yauzl.Entry[] = [];
		const media: yauzl.Entry[] = [];
		await new Promise<void>((resolve, reject) => {
			zip.on('entry', (entry: yauzl.Entry) => {
				declared += entry.uncompressedSize;
				const name = entry.fileName;
				if (/(^|\/)vbaProject\.bin$/i.test(name) || /(^|\/)vbaData\.xml$/i.test(name))
					return reject(new DocxRefusal('macros'));
				if (declared > DOCX_LIMITS.maxTotalBytes) return reject(new DocxRefusal('zip-bomb'));
				if (WANTED.has(name)) {
					if (entry.uncompressedSize > DOCX_LIMITS.maxPartBytes)
						return reject(new DocxRefusal('zip-bomb'));
					entries.push(entry);
				} else if (
					MEDIA.test(name) &&
					entry.uncompressedSize <= IMAGE_LIMITS.bytes &&
					media.length < MAX_DOCX_IMAGES
				)
					media.push(entry);
				zip.readEntry();
			});
			zip.on('end', () => resolve());
			zip.on('error', () => reject(new DocxRefusal('malformed')));
			zip.readEntry();
		});
		for (const entry of entries)
			parts.set(entry.fileName, (await readEntry(zip, entry)).toString('utf8'));
		parts.media = new Map();
		for (const entry of media)
			parts.media.set(entry.fileName, new Uint8Array(await readEntry(zip, entry)));
		const types = parts.get('[Content_Types].xml') ?? '';
		if (/macroEnabled/i.test(types)) throw new DocxRefusal('macros');
		if (!parts.has('word/document.xml')) throw new DocxRefusal('not-docx');
		return parts;
	} finally {
		zip.close();
	}
}
