import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText } from '../../collab/section-doc.ts';
import { passagesOf } from '../../consultation/passages.ts';
import { BODY_FRAGMENT } from '../../editor/fragments.ts';
import { sectionHeadings } from './headings.ts';

function block(name: string, text: string): Y.XmlElement {
	const el = new Y.XmlElement(name);
	el.insert(0, [new Y.XmlText(text)]);
	return el;
}

describe('heading lines of a frozen section', () => {
	it('finds the headings among the same non-empty lines the passages count', () => {
		const doc = new Y.Doc();
		const body = doc.getXmlFragment(BODY_FRAGMENT);
		body.insert(0, [
			block('heading', '一、总体要求'),
			block('paragraph', '坚持以人民为中心。'),
			block('paragraph', ''),
			block('heading', '二、主要任务'),
			block('paragraph', '建设城市大脑。')
		]);
		const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
		const headings = sectionHeadings(state, []);
		const passages = passagesOf(fragmentText(body));
		expect(headings.body?.map((i) => passages[i]?.text)).toEqual(['一、总体要求', '二、主要任务']);
	});
});
