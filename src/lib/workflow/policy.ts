/**
 * Sign-off policy of an activity and how far the current version's signatures meet it. Pure, so
 * the server decides with it and the workflow page shows the same tally.
 */

export interface SignOffPolicy {
	/** Organizations whose reviewers must countersign (会签). */
	departments: readonly number[];
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
			missingDepartments.length === 0 &&
			enterpriseConfirmed >= policy.enterpriseCount &&
			residentConfirmed >= policy.residentCount
	};
}
