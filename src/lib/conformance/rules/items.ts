/**
 * One presence rule per item that is written somewhere: a prose item's field is non-empty after
 * trimming; a row item (8.4.2's layers, 7.4.2's perspectives) has a row for its layer with content.
 * Items checked through block rules (7.3.3, 9.1.4) or offered as options (9.2.1) get none here.
 */
import { TEMPLATES } from '../../templates/registry.ts';
import type { ItemFill, SectionTemplate, TemplateItem } from '../../templates/types.ts';
import { LABELS, MESSAGES } from '../messages.ts';
import type { Finding } from '../types.ts';
import { filled, type PlanView } from '../view.ts';
import { fail, PASS, type Rule } from './rule.ts';

/** An item's rule: what every item rule says about itself, and its one possible finding. */
function itemRule(
	section: SectionTemplate,
	item: TemplateItem,
	find: (view: PlanView) => Finding | undefined
): Rule {
	return {
		id: `item:${item.id}`,
		clause: item.clause,
		label: LABELS.item(item.label),
		level: item.required ? 'required' : 'recommended',
		section: section.clause,
		check(view) {
			const finding = find(view);
			return finding ? fail(finding) : PASS;
		}
	};
}

function proseRule(section: SectionTemplate, item: TemplateItem): Rule {
	return itemRule(section, item, (view) =>
		filled(view.item(section.clause, item.id))
			? undefined
			: {
					message: MESSAGES.itemEmpty(item.label),
					pointer: { kind: 'item', section: section.clause, item: item.id }
				}
	);
}

function rowRule(
	section: SectionTemplate,
	item: TemplateItem,
	fill: Extract<ItemFill, { kind: 'row' }>
): Rule {
	return itemRule(section, item, (view) => {
		const rows = view.records(section.clause, fill.block);
		const matching = rows
			.map((row, index) => ({ row, index }))
			.filter(({ row }) => row[fill.field] === fill.value);
		if (matching.some(({ row }) => filled(String(row[fill.content] ?? '')))) return undefined;
		const first = matching[0];
		if (!first) {
			return {
				message: MESSAGES.layerMissing(item.label),
				pointer: { kind: 'block', section: section.clause, block: fill.block, field: fill.field }
			};
		}
		return {
			message: MESSAGES.layerEmpty(item.label),
			pointer: {
				kind: 'block',
				section: section.clause,
				block: fill.block,
				row: first.index,
				rowId: String(first.row.id ?? ''),
				field: fill.content
			}
		};
	});
}

export function itemRules(templates: readonly SectionTemplate[] = TEMPLATES): Rule[] {
	return templates.flatMap((section) =>
		section.items.flatMap((item) => {
			if (item.fill.kind === 'prose') return [proseRule(section, item)];
			if (item.fill.kind === 'row') return [rowRule(section, item, item.fill)];
			return [];
		})
	);
}
