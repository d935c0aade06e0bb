/**
 * The node attribute of a structural suggestion (structure.ts), in a module of its own so the
 * schema's node specs can name it without importing the suggestion logic (which imports the schema).
 */
export const STRUCTURE_ATTR = 'suggestion';
