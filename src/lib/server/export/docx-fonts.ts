/**
 * The DOCX's font table (word/fontTable.xml), which the docx library leaves empty. It declares the
 * 公文 fonts the document names and, for each, the font a reader without it should use instead
 * (`w:altName`, followed by Word and LibreOffice), as a chain: 方正小标宋简体 → 华文中宋 → 宋体,
 * 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 黑体 → SimHei. Charset 86 (GB2312) and the family
 * (roman = serif, swiss = sans) let a substituting reader pick a like font when none is there.
 *
 * Runs in the export worker; relative imports only.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';

export interface DeclaredFont {
	name: string;
	altName?: string;
	family: 'roman' | 'swiss' | 'modern';
	charset: string;
}

export const DOCX_FONTS: readonly DeclaredFont[] = [
	{ name: '方正小标宋简体', altName: '华文中宋', family: 'roman', charset: '86' },
	{ name: '华文中宋', altName: '宋体', family: 'roman', charset: '86' },
	{ name: '宋体', altName: 'SimSun', family: 'roman', charset: '86' },
	{ name: '仿宋_GB2312', altName: '仿宋', family: 'roman', charset: '86' },
	{ name: '仿宋', altName: 'FangSong', family: 'roman', charset: '86' },
	{ name: '楷体_GB2312', altName: '楷体', family: 'roman', charset: '86' },
	{ name: '楷体', altName: 'KaiTi', family: 'roman', charset: '86' },
	{ name: '黑体', altName: 'SimHei', family: 'swiss', charset: '86' },
	{ name: 'Times New Roman', family: 'roman', charset: '00' },
	{ name: 'Courier New', family: 'modern', charset: '00' }
];

const FONT_TABLE = 'word/fontTable.xml';

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

export function fontTableXml(fonts: readonly DeclaredFont[] = DOCX_FONTS): string {
	const entries = fonts
		.map(
			(f) =>
				`<w:font w:name="${escapeXml(f.name)}">${f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : ''}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.family === 'modern' ? 'fixed' : 'variable'}"/></w:font>`
		)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

/** The packed DOCX with its font table filled in (every other part byte for byte as it was). */
export function withFontTable(docx: Uint8Array): Uint8Array {
	const files = unzipSync(docx);
	if (!files[FONT_TABLE]) return docx;
	files[FONT_TABLE] = strToU8(fontTableXml());
	return zipSync(files, { level: 6 });
}
