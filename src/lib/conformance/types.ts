import type { BlockKey } from '../templates/blocks/fields.ts';
import type { Activity } from '../standard/sections.ts';

/**
 * A section as plain data, independent of Yjs: the body and each item as plain text (the caller
 * flattens the ProseMirror fragments), and each structured block's rows as `Y.Map#toJSON()` gives
 * them. Rows are not trusted to match their declaration; the rules parse them.
 */
export interface SectionData {
	body: string;
	/** Item id → plain text. */
	items: Readonly<Record<string, string>>;
	data: Readonly<Partial<Record<BlockKey, readonly unknown[]>>>;
	/**
	 * Positions (1-based) of rows that could not be read and are left out of `data`
	 * (section-doc.ts `readBlockRows`); absent when every row was readable.
	 */
	badRows?: Readonly<Partial<Record<BlockKey, readonly number[]>>>;
}

/** The plan's planning period, in calendar years, both ends included (2026—2030). */
export interface PlanContext {
	periodStart: number;
	periodEnd: number;
}

/**
 * A manual check confirmed by a named reviewer (manual.ts): who, when, and the digest of the
 * section's content they looked at — a later change of the content makes the confirmation stale.
 */
export interface ManualConfirmation {
	by: string;
	/** ISO time of the confirmation. */
	at: string;
	digest: string;
}

export interface PlanData {
	context: PlanContext;
	/** Section clause → its data; a missing section counts as empty. */
	sections: Readonly<Partial<Record<string, SectionData>>>;
	/** Manual check id → its confirmation; absent: nothing confirmed. */
	confirmations?: Readonly<Record<string, ManualConfirmation>>;
}

/** Where a failure is fixed. */
export type Pointer =
	| { kind: 'plan'; field: 'period' }
	| { kind: 'body'; section: string }
	| { kind: 'item'; section: string; item: string }
	| {
			kind: 'block';
			section: string;
			block: BlockKey;
			/** Index in the block's rows at evaluation time, and the row's id (stable across edits). */
			row?: number;
			rowId?: string;
			field?: string;
	  };

export interface Finding {
	message: string;
	pointer: Pointer;
}

/**
 * `required`: must pass (or be waived) before the activity goes to review. `recommended`: shown, not
 * blocking — the standard says 宜/可 there, or the check only approximates a judgement.
 */
export type RuleLevel = 'required' | 'recommended';

export type Outcome =
	| { status: 'pass' }
	| { status: 'na' }
	| { status: 'fail'; findings: readonly [Finding, ...Finding[]] };

export interface RuleResultBase {
	/** Stable id (waivers refer to it), e.g. `item:6.5.2.a`, `7.3.3.b`. */
	id: string;
	/** The clause enforced, e.g. '9.1.4'. */
	clause: string;
	label: string;
	level: RuleLevel;
	/** The section whose checklist shows it; null for plan-wide rules (the period). */
	section: string | null;
}

/**
 * Where a manual check stands: never confirmed, confirmed for the content as it is, or confirmed for
 * content that has changed since (then it counts as not met until confirmed again).
 */
export type ManualState =
	{ state: 'unconfirmed' } | { state: 'confirmed' | 'stale'; by: string; at: string };

export type RuleResult = RuleResultBase &
	Outcome & {
		/** Present on manual checks only: a named reviewer, not the machine, decides them. */
		manual?: ManualState;
	};

export interface SectionChecklist {
	clause: string;
	title: string;
	activity: Activity;
	results: readonly RuleResult[];
}

export interface PlanChecklist {
	/** Rules about the plan as a whole. */
	plan: readonly RuleResult[];
	sections: readonly SectionChecklist[];
}
