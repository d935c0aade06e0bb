/**
 * Which of the print page's fonts this machine has (fontconfig's `fc-list`), checked once per
 * process at the first PDF export. A PDF set in substitutes is still a PDF, so nothing is refused —
 * but it is never silent: a missing official font is logged with the open substitute used, and a
 * role with neither (Chromium then falls back to whatever fontconfig offers, typically Noto CJK,
 * which ends up in the PDF as Type 3 glyphs) is logged as a warning naming the Debian package.
 *
 * Runs in the export worker; relative imports only.
 */
import { execFileSync } from 'node:child_process';
import { logger } from '../log.ts';

interface FontRole {
	role: string;
	official: readonly string[];
	open: readonly string[];
	/** The Debian package that brings the open substitute. */
	package: string;
}

/** The same families, in the same order, as the print page's CSS (src/lib/export/html.ts). */
export const PRINT_FONT_ROLES: readonly FontRole[] = [
	{
		role: '标题（小标宋）',
		official: [
			'方正小标宋简体',
			'FZXiaoBiaoSong-B05S',
			'华文中宋',
			'STZhongsong',
			'SimSun',
			'宋体'
		],
		open: ['AR PL UMing CN'],
		package: 'fonts-arphic-uming'
	},
	{
		role: '正文（仿宋）',
		official: ['FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'STFangsong'],
		open: ['AR PL UMing CN'],
		package: 'fonts-arphic-uming'
	},
	{
		role: '黑体',
		official: ['SimHei', '黑体', 'STHeiti'],
		open: ['WenQuanYi Zen Hei'],
		package: 'fonts-wqy-zenhei'
	},
	{
		role: '楷体',
		official: ['KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体', 'STKaiti'],
		open: ['AR PL UKai CN'],
		package: 'fonts-arphic-ukai'
	},
	{
		role: '宋体',
		official: ['SimSun', '宋体', 'STSong'],
		open: ['AR PL UMing CN'],
		package: 'fonts-arphic-uming'
	}
];

export interface FontReport {
	role: string;
	/** The family the PDF is set in, or null when neither an official nor an open font is there. */
	using: string | null;
	official: boolean;
	package: string;
}

/** The installed families, as fontconfig names them (every alias of every face). */
export function installedFamilies(): Set<string> | null {
	try {
		const out = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 10_000 });
		return new Set(out.split('\n').flatMap((line) => line.split(',').map((f) => f.trim())));
	} catch {
		return null;
	}
}

export function fontReport(families: ReadonlySet<string>): FontReport[] {
	return PRINT_FONT_ROLES.map((r) => {
		const official = r.official.find((f) => families.has(f));
		const open = r.open.find((f) => families.has(f));
		return {
			role: r.role,
			using: official ?? open ?? null,
			official: !!official,
			package: r.package
		};
	});
}

let checked = false;

export function checkPrintFonts(): void {
	if (checked) return;
	checked = true;
	const log = logger('export');
	const families = installedFamilies();
	if (!families) {
		log.warn('PDF export: fc-list is not available; cannot tell which fonts the PDF is set in');
		return;
	}
	for (const r of fontReport(families)) {
		if (!r.using)
			log.warn(
				{ role: r.role, package: r.package },
				'PDF export: neither the official font nor its open substitute is installed; Chromium falls back to another font (Noto CJK is embedded as Type 3 glyphs)'
			);
		else if (!r.official)
			log.warn(
				{ role: r.role, using: r.using },
				'PDF export: official font not installed; using its open substitute'
			);
	}
}
