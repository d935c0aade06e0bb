import { describe, expect, it } from 'vitest';
import { schema } from '../schema.ts';

/** The attributes the link mark renders for a stored href (what y-prosemirror hands it from Yjs). */
function renderedAttrs(href: string): Record<string, unknown> {
	const mark = schema.marks.link.create({ href });
	const spec = schema.marks.link.spec.toDOM!(mark, true) as [string, Record<string, unknown>];
	return spec[1];
}

describe('link mark rendering', () => {
	it('renders http(s) and mailto links as they are', () => {
		expect(renderedAttrs('https://www.gov.cn/').href).toBe('https://www.gov.cn/');
		expect(renderedAttrs('mailto:fgw@example.gov.cn').href).toBe('mailto:fgw@example.gov.cn');
	});

	it('renders no href for a scheme that could run or embed content, however it was stored', () => {
		for (const href of [
			'javascript:alert(1)',
			' JaVaScRiPt:alert(1)',
			'java\tscript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'vbscript:msgbox(1)',
			'/relative'
		]) {
			expect(renderedAttrs(href).href).toBeNull();
		}
	});
});
