/**
 * Sign-off policy of an activity and how far the current version's signatures meet it. Pure, so
 * the server decides with it and the workflow page shows the same tally.
 */

/**
 * How the departments sign (issue 14): 会签 all of them, 或签 any one, 依次 all in the listed
 * order, 比例 at least `threshold` of them or at least `thresholdPercent` per cent of them.
 */
export const STEP_MODES = ['all', 'any', 'sequence', 'threshold'] as const;
export type StepMode = (typeof STEP_MODES)[number];

export interface SignOffPolicy {
	/** Organizations whose reviewers countersign (会签), in signing order for 依次. */
	departments: readonly number[];
	/** Default 'all' (会签). */
	mode?: StepMode;
	/** 比例: how many departments must sign (1…n); unset when the step counts per cent. */
	threshold?: number | null;
	/** 比例 as a share: at least this per cent (1…100) of the departments sign, rounded up. */
	thresholdPercent?: number | null;
	/** Working days each step has (countersign from 送审, 签发 from 报批); null: no deadline. */
	deadlineDays?: number | null;
	/** Enterprise representatives who must confirm participation. */
	enterpriseCount: number;
	/** Residents' representatives who must confirm participation. */
	residentCount: number;
	/** The approver who signs (签发); null: any member with the approver role. */
	approverId: number | null;
	/**
	 * Why the activity may go to review without a consultation round (4.2 e requires one by
	 * default); null or absent: a round is required.
	 */
	consultationWaiver?: string | null;
}

export interface Signature {
	kind: 'countersign' | 'confirm' | 'return' | 'approve';
	userId: number;
	organizationId: number;
	/** For confirmations: which kind of participant confirmed. */
	participant?: 'enterprise' | 'resident' | null;
	/** The hash of the version the signature was given to. */
	hash: string;
}

export interface SignOffStatus {
	countersigned: number[];
	missingDepartments: number[];
	enterpriseConfirmed: number;
	residentConfirmed: number;
	complete: boolean;
}

/**
 * Only signatures given to exactly this content (same hash) count: a countersign given to one
 * version does not carry over to a changed one.
 */
export function signOffStatus(
	policy: SignOffPolicy,
	signatures: readonly Signature[],
	hash: string
): SignOffStatus {
	const current = signatures.filter((s) => s.hash === hash);
	const signedOrgs = new Set(
		current.filter((s) => s.kind === 'countersign').map((s) => s.organizationId)
	);
	const countersigned = policy.departments.filter((d) => signedOrgs.has(d));
	const missingDepartments = policy.departments.filter((d) => !signedOrgs.has(d));
	const confirmers = (participant: 'enterprise' | 'resident') =>
		new Set(
			current
				.filter((s) => s.kind === 'confirm' && s.participant === participant)
				.map((s) => s.userId)
		).size;
	const enterpriseConfirmed = confirmers('enterprise');
	const residentConfirmed = confirmers('resident');
	return {
		countersigned,
		missingDepartments,
		enterpriseConfirmed,
		residentConfirmed,
		complete:
			countersignsMet(policy, countersigned.length) &&
			enterpriseConfirmed >= policy.enterpriseCount &&
			residentConfirmed >= policy.residentCount
	};
}

/** How many countersigns the step needs under its mode. */
export function countersignsNeeded(policy: SignOffPolicy): number {
	const n = policy.departments.length;
	switch (policy.mode ?? 'all') {
		case 'any':
			return Math.min(1, n);
		case 'threshold':
			// ≥ p%: the smallest whole number of departments that is at least p per cent of n.
			if (policy.thresholdPercent)
				return Math.min(n, Math.max(1, Math.ceil((policy.thresholdPercent * n) / 100)));
			return Math.min(n, Math.max(1, policy.threshold ?? n));
		default:
			return n;
	}
}

function countersignsMet(policy: SignOffPolicy, signed: number): boolean {
	return signed >= countersignsNeeded(policy);
}

/**
 * 依次: the department whose turn it is (the first in order that has not signed this hash);
 * undefined when every one signed or the mode is not 依次.
 */
export function nextInSequence(
	policy: SignOffPolicy,
	signatures: readonly Signature[],
	hash: string
): number | undefined {
	if ((policy.mode ?? 'all') !== 'sequence') return undefined;
	const signed = new Set(
		signatures
			.filter((s) => s.kind === 'countersign' && s.hash === hash)
			.map((s) => s.organizationId)
	);
	return policy.departments.find((d) => !signed.has(d));
}
