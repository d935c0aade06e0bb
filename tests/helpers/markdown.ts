/** Reading an exported Markdown file back as text, for round-trip checks of the demo's prose. */
import { fragmentText } from '../../src/lib/collab/section-doc.ts';
import { buildSectionDoc, DEMO_SECTIONS } from '../../src/lib/demo-content/index.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../../src/lib/editor/fragments.ts';
import { TEMPLATES } from '../../src/lib/templates/index.ts';

/** Markdown back to its text lines: heading, list and quote markers, bold and escapes removed. */
export function markdownText(markdown: string): string {
	return markdown
		.split('\n')
		.map((line) =>
			line
				.replace(/^#+ /, '')
				.replace(/^\s*(- |\d+\. |> )/, '')
				.replace(/\*\*/g, '')
				.replace(/\\(.)/g, '$1')
		)
		.join('\n');
}

/**
 * Every non-empty prose line of the demo plan (each section's body and required items, as the
 * seed writes them), with where it stands (`6.1 body`), for an export to contain.
 */
export function demoProseLines(): { where: string; line: string }[] {
	const lines: { where: string; line: string }[] = [];
	for (const template of TEMPLATES) {
		const demo = DEMO_SECTIONS.find((s) => s.clause === template.clause);
		const doc = buildSectionDoc(demo ?? { clause: template.clause, author: '' });
		for (const name of [BODY_FRAGMENT, ...Object.keys(demo?.items ?? {}).map(itemFragmentName)])
			for (const line of fragmentText(doc.getXmlFragment(name)).split('\n').filter(Boolean))
				lines.push({ where: `${template.clause} ${name}`, line });
		doc.destroy();
	}
	return lines;
}
