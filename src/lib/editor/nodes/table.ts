/** Tables via prosemirror-tables (cells hold paragraphs; colspan/rowspan kept). */
import { tableNodes } from 'prosemirror-tables';

export const tables = tableNodes({
	tableGroup: 'block',
	cellContent: 'block+',
	cellAttributes: {}
});
