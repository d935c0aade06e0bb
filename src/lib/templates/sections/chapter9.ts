/** Chapter 9 实施路径规划: sections 9.1–9.4. */
import { OPERATING_MODELS } from '../blocks/operating-model.ts';
import { letteredItems, tableA1Item } from '../items.ts';
import { GUIDANCE, NOTES } from '../messages.ts';
import { requireClause } from '../outline.ts';
import type { ItemFill, SectionSpec, TemplateItem } from '../types.ts';

/** 9.1.4 a) is the quantified goal; b) the content, mode, period, budget and lead unit. */
export const KEY_PROJECT_FIELDS = {
	a: ['goal'],
	b: ['content', 'mode', 'startYear', 'endYear', 'budget', 'leadUnit']
} as const;

function keyProjectFill(letter: string): ItemFill {
	const fields = letter === 'a' ? KEY_PROJECT_FIELDS.a : KEY_PROJECT_FIELDS.b;
	return { kind: 'fields', block: 'keyProjects', fields };
}

export const section91: SectionSpec = {
	clause: '9.1',
	guidance: GUIDANCE['9.1'],
	parts: [
		{ clause: '9.1.1', role: 'guidance' },
		{ clause: '9.1.2', role: 'guidance', note: NOTES.priority912 },
		{ clause: '9.1.3', role: 'guidance', note: `${NOTES.garbled913}${NOTES.naming913}` },
		{ clause: '9.1.4', role: 'items', note: NOTES.untitled }
	],
	// 9.1.4 says 宜; Lantu still requires both on every key project (DESIGN.md §2), and shows the 宜.
	items: letteredItems('9.1.4', { verb: '宜', fill: keyProjectFill }),
	structured: ['keyProjects', 'funding', 'fiscalCapacity', 'projectLibrary']
};

/** 9.2.1's list has no letters; the items are numbered 1–4 as outline.json numbers them. */
function operatingModelItems(): TemplateItem[] {
	const listed = requireClause('9.2.1').items ?? [];
	return OPERATING_MODELS.map((model, i) => {
		if (listed[i]?.text !== model.label) throw new Error(`9.2.1: ${model.label} out of step`);
		return {
			id: `9.2.1.${i + 1}`,
			clause: '9.2.1',
			label: model.label,
			text: model.label,
			verb: 'none',
			// One model is chosen per project: an option, not something every plan must contain.
			required: false,
			source: 'body',
			fill: { kind: 'option', block: 'operatingModel', field: 'model', value: model.value }
		};
	});
}

export const section92: SectionSpec = {
	clause: '9.2',
	guidance: GUIDANCE['9.2'],
	parts: [
		{ clause: '9.2.1', role: 'items', note: NOTES.untitled },
		{ clause: '9.2.2', role: 'block', block: 'operatingModel' }
	],
	items: operatingModelItems(),
	structured: ['operatingModel']
};

export const section93: SectionSpec = {
	clause: '9.3',
	guidance: GUIDANCE['9.3'],
	parts: [
		{ clause: '9.3.1', role: 'guidance' },
		{ clause: '9.3.2', role: 'block', block: 'phases' }
	],
	items: [],
	structured: ['phases']
};

export const section94: SectionSpec = {
	clause: '9.4',
	guidance: GUIDANCE['9.4'],
	parts: [],
	items: [
		...letteredItems('9.4', { verb: '应' }),
		// Table A.1's 保障措施 outputs that 9.4 a)–d) do not cover (the union, see NOTES.table94).
		tableA1Item('9.4', 'assessment', '考核保障措施'),
		tableA1Item('9.4', 'technology', '技术保障措施'),
		tableA1Item('9.4', 'operations', '运维保障措施'),
		tableA1Item('9.4', 'promotion', '宣传推广措施')
	],
	structured: [],
	notes: [NOTES.table94]
};
