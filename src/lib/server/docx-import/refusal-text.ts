/** A refused import in the user's language (the section and plan import endpoints both say it). */
import { m } from '../../paraglide/messages.js';
import { MAX_DOCUMENT_BYTES } from '../../collab/size-limits.ts';
import { DOCX_LIMITS, type DocxRefusalCode } from './archive.ts';

export type ImportRefusalCode = DocxRefusalCode | 'forbidden' | 'mode';

const TEXTS: Record<ImportRefusalCode, () => string> = {
	'too-large': () => m.docxio_refused_too_large({ mb: String(DOCX_LIMITS.maxFileBytes / 2 ** 20) }),
	encrypted: m.docxio_refused_encrypted,
	'not-docx': m.docxio_refused_not_docx,
	macros: m.docxio_refused_macros,
	'zip-bomb': m.docxio_refused_zip_bomb,
	'too-many-entries': m.docxio_refused_zip_bomb,
	malformed: m.docxio_refused_malformed,
	empty: m.docxio_refused_empty,
	'section-full': () => m.docxio_refused_section_full({ mb: String(MAX_DOCUMENT_BYTES / 2 ** 20) }),
	forbidden: m.docxio_refused_forbidden,
	mode: m.docxio_refused_mode
};

export function docxRefusalText(code: ImportRefusalCode): string {
	return TEXTS[code]();
}
