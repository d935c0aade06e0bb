/**
 * Tables via prosemirror-tables (cells hold paragraphs; colspan/rowspan kept). Tables, rows and
 * cells take a structural suggestion (修订: a suggested table, row or column,
 * suggestions/structure.ts); it is never read from pasted HTML.
 */
import { tableNodes } from 'prosemirror-tables';
import { STRUCTURE_ATTR } from '../../suggestions/structure-attr.ts';

const nodes = tableNodes({
	tableGroup: 'block',
	cellContent: 'block+',
	cellAttributes: {
		[STRUCTURE_ATTR]: { default: null, getFromDOM: () => null, setDOMAttr: () => {} }
	}
});

export const tables = {
	...nodes,
	table: { ...nodes.table, attrs: { [STRUCTURE_ATTR]: { default: null } } },
	table_row: { ...nodes.table_row, attrs: { [STRUCTURE_ATTR]: { default: null } } }
};
