import { describe, expect, it } from 'vitest';
import { schema } from '../editor/schema.ts';
import { observeDecisions } from './observe.ts';

const ID = 's1:7:2:1700000000000:opinion';
const ins = schema.marks.insertion.create({ id: ID });
const del = schema.marks.deletion.create({ id: ID });
const para = (...nodes: ReturnType<typeof schema.text>[]) =>
	schema.node('doc', null, [schema.node('paragraph', null, nodes)]);

const pending = para(
	schema.text('建设'),
	schema.text('旧的', [del]),
	schema.text('新的', [ins]),
	schema.text('平台')
);

describe('observeDecisions', () => {
	it('sees an accept and a reject, with the inserted words', () => {
		expect(observeDecisions(pending, para(schema.text('建设新的平台')), [ID])).toEqual([
			{ suggestionId: ID, outcome: 'accepted', inserted: '新的' }
		]);
		expect(observeDecisions(pending, para(schema.text('建设旧的平台')), [ID])).toEqual([
			{ suggestionId: ID, outcome: 'rejected', inserted: '新的' }
		]);
	});

	it('decides nothing when the edit did more, or the suggestion is still there', () => {
		expect(observeDecisions(pending, para(schema.text('建设新的平台。')), [ID])).toEqual([]);
		expect(observeDecisions(pending, pending, [ID])).toEqual([]);
	});
});
