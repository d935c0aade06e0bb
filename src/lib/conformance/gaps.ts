/**
 * 现状与差距: for each indicator of 6.3 whose current value and target are numbers, how far the city
 * is from the target. Values are free text (现状 is sometimes a sentence), so only a plain number with
 * at most a short unit (72, 72%, 1,000项, 21.5千米/小时) is read; anything else is left out rather
 * than guessed at.
 */
import type { IndicatorRow } from '../templates/blocks/index.ts';

const PLAIN_NUMBER = /^\s*([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\s*(\S{0,8})\s*$/u;

function halfWidth(text: string): string {
	return text.replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The number a value states, or null when it is not a plain number with a short unit. */
export function readNumber(value: string): number | null {
	const match = PLAIN_NUMBER.exec(value);
	if (!match) return null;
	const number = Number(halfWidth(match[1]).replace(/[,，]/gu, ''));
	return Number.isFinite(number) ? number : null;
}

export interface IndicatorGap {
	id: string;
	name: string;
	unit: string;
	binding: boolean;
	current: number;
	target: number;
	/** target − current: what is left to do (negative when a target lowers a value). */
	gap: number;
	/** current ÷ target in percent, for indicators that grow towards a positive target. */
	progress: number | null;
}

export function indicatorGaps(rows: readonly IndicatorRow[]): IndicatorGap[] {
	const gaps = rows.flatMap((row) => {
		const current = readNumber(row.current);
		const target = readNumber(row.target);
		if (current === null || target === null) return [];
		const unit = row.unit.trim() || (PLAIN_NUMBER.exec(row.target)?.[2] ?? '');
		return [
			{
				id: row.id,
				name: row.name.trim() || row.code.trim(),
				unit,
				binding: row.attribute === 'binding',
				current,
				target,
				gap: Math.round((target - current) * 100) / 100,
				progress:
					target > 0 && current >= 0 ? Math.min(100, Math.round((current / target) * 100)) : null
			}
		];
	});
	// 约束性 first: they are the commitments; otherwise in the table's order (sort is stable).
	return gaps.sort((a, b) => Number(b.binding) - Number(a.binding));
}
