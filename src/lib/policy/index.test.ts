import { describe, expect, it } from 'vitest';
import {
	answersForSection,
	canAdministerSite,
	canApprove,
	disableUserRefusal,
	isParticipant,
	participantReportRow,
	roleRemovalRefusal,
	canDecideSuggestions,
	canSuggest,
	collabAccess,
	canExport,
	canAnswerFeedback,
	canFileFeedback,
	feedbackWindowRefusal,
	canResolveThread,
	isPolicyApprover,
	mayCountersign,
	mayCountersignInTurn,
	canWaiveConsultation,
	policyEditRefusal,
	restoreRefusal,
	docxImportModes,
	roundCommentRefusal,
	sectionAccess,
	seesConsultationThread
} from './index.ts';
import type { Membership } from '../roles.ts';
import { allowed, MATRIX_ACTIONS, PERSONAS, socketAccess, type MatrixAction } from './matrix.ts';

const member = (m: Membership): Membership => m;

/** The demo matrix, written out once by hand: the policy must give exactly these answers. */
const TABLE: Record<string, Record<MatrixAction, boolean> & { socket: string }> = {
	admin: row(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 'write'),
	dsj: row(1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 'write'),
	fgw: row(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 'suggest'),
	reviewer: row(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 'suggest'),
	leader: row(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 'read'),
	qiye: row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'none'),
	jumin: row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'none'),
	'matrix-outsider': row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'none')
};

function row(...cells: [...(0 | 1)[], string]) {
	const socket = cells.pop() as string;
	const entries = MATRIX_ACTIONS.map((action, i) => [action, cells[i] === 1]);
	return { ...Object.fromEntries(entries), socket } as Record<MatrixAction, boolean> & {
		socket: string;
	};
}

describe('the demo role × action matrix', () => {
	for (const persona of PERSONAS) {
		for (const action of MATRIX_ACTIONS) {
			it(`${persona.label} → ${action}`, () => {
				expect(allowed(persona, action)).toBe(TABLE[persona.username][action]);
			});
		}
		it(`${persona.label} → live section`, () => {
			expect(socketAccess(persona)).toBe(TABLE[persona.username].socket);
		});
	}
});

describe('policy functions', () => {
	const editor = member({ roles: ['editor'], organizationId: 3 });
	const admin = member({ roles: ['admin'], organizationId: 9 });

	it('gives the section to its departments’ editors only while drafting', () => {
		expect(sectionAccess(editor, [3], 'drafting')).toBe('write');
		expect(sectionAccess(editor, [3], 'returned')).toBe('write');
		expect(sectionAccess(editor, [3], 'consultation')).toBe('read');
		expect(sectionAccess(editor, [4], 'drafting')).toBe('read');
		expect(sectionAccess(admin, [9], 'drafting')).toBe('read');
		expect(sectionAccess({ roles: ['resident'], organizationId: 3 }, [3], 'drafting')).toBe('none');
	});

	it('lets readers who draft or review suggest (修订) while drafting, and only writers decide', () => {
		const reviewer = member({ roles: ['reviewer'], organizationId: 8 });
		const approver = member({ roles: ['approver'], organizationId: 5 });
		expect(collabAccess(editor, [4], 'drafting')).toBe('suggest');
		expect(collabAccess(editor, [4], 'returned')).toBe('suggest');
		expect(collabAccess(editor, [4], 'consultation')).toBe('read');
		expect(collabAccess(reviewer, [4], 'drafting')).toBe('suggest');
		expect(collabAccess(admin, [4], 'drafting')).toBe('suggest');
		expect(collabAccess(approver, [4], 'drafting')).toBe('read');
		expect(collabAccess(editor, [4], 'drafting', false)).toBe('read'); // 可提修订 off
		expect(collabAccess(editor, [3], 'drafting', false)).toBe('write');
		expect(collabAccess(editor, [3], 'drafting')).toBe('write');
		expect(canSuggest(editor, [3], 'drafting')).toBe(false); // writes; may switch to 修订 itself
		expect(canSuggest({ roles: ['resident'], organizationId: 4 }, [4], 'drafting')).toBe(false);
		expect(canDecideSuggestions(editor, [3], 'drafting')).toBe(true);
		expect(canDecideSuggestions(editor, [4], 'drafting')).toBe(false);
		expect(canDecideSuggestions(editor, [3], 'review')).toBe(false);
	});

	it('lets authors and those who answer for a section resolve threads', () => {
		expect(answersForSection(admin, [])).toBe(true);
		expect(answersForSection(editor, [3])).toBe(true);
		expect(answersForSection(editor, [4])).toBe(false);
		expect(canResolveThread(editor, [4], 5, 5)).toBe(true);
		expect(canResolveThread(editor, [4], 5, 6)).toBe(false);
	});

	it('locks restoring outside drafting, and refuses non-editors first', () => {
		expect(restoreRefusal(editor, [3], 'drafting')).toBeNull();
		expect(restoreRefusal(editor, [3], 'review')).toBe('history-locked');
		expect(restoreRefusal(editor, [4], 'review')).toBe('forbidden');
		expect(restoreRefusal(admin, [9], 'drafting')).toBe('forbidden');
	});

	it('lets owners import a Word file directly, other internal members only as suggestions', () => {
		const reviewer = member({ roles: ['reviewer'], organizationId: 4 });
		expect(docxImportModes(editor, [3], 'drafting')).toEqual(['suggest', 'direct']);
		expect(docxImportModes(editor, [4], 'returned')).toEqual(['suggest']);
		expect(docxImportModes(reviewer, [3], 'drafting')).toEqual(['suggest']);
		expect(docxImportModes(admin, [3], 'drafting')).toEqual(['suggest']);
		expect(docxImportModes(editor, [3], 'review')).toEqual([]);
		// 可提修订 off: only the owners import.
		expect(docxImportModes(reviewer, [3], 'drafting', false)).toEqual([]);
		expect(docxImportModes(editor, [3], 'drafting', false)).toEqual(['suggest', 'direct']);
		expect(
			docxImportModes(member({ roles: ['approver'], organizationId: 3 }), [3], 'drafting')
		).toEqual([]);
		expect(
			docxImportModes(member({ roles: ['enterprise'], organizationId: 3 }), [3], 'drafting')
		).toEqual([]);
	});

	it('exports versions to every member and the draft to its readers', () => {
		const resident = { roles: ['resident' as const], organizationId: 1 };
		expect(canExport(resident, 'version')).toBe(true);
		expect(canExport(resident, 'draft')).toBe(false);
		expect(canExport(undefined, 'version')).toBe(false);
	});

	it('decides sign-off rights from the policy', () => {
		const reviewer = { roles: ['reviewer' as const], organizationId: 2 };
		expect(mayCountersign(reviewer, [2])).toBe(true);
		expect(mayCountersign(reviewer, [3])).toBe(false);
		expect(mayCountersign(editor, [3])).toBe(false);
		const approver = { roles: ['approver' as const], organizationId: 5 };
		expect(isPolicyApprover(approver, 11, null)).toBe(true);
		expect(isPolicyApprover(approver, 11, 11)).toBe(true);
		expect(isPolicyApprover(approver, 11, 12)).toBe(false);
		// 5.1.3: N's people — reviewers, and editors of a department writing a section of N.
		expect(canFileFeedback(reviewer, [])).toBe(true);
		expect(canFileFeedback(editor, [])).toBe(false);
		expect(canFileFeedback(editor, [editor.organizationId])).toBe(true);
		expect(canFileFeedback(undefined, [1])).toBe(false);
		expect(canFileFeedback({ roles: ['resident'], organizationId: 7 }, [7])).toBe(false);
		expect(feedbackWindowRefusal('drafting', 'approved')).toBeNull();
		expect(feedbackWindowRefusal('review', 'approved')).toBeNull();
		expect(feedbackWindowRefusal('approved', 'approved')).toBe('closed');
		expect(feedbackWindowRefusal('drafting', 'drafting')).toBe('previous-not-final');
		expect(feedbackWindowRefusal('drafting', null)).toBe('no-previous');
		expect(canAnswerFeedback(editor, [editor.organizationId])).toBe(true);
		expect(canAnswerFeedback(editor, [editor.organizationId + 1])).toBe(false);
		expect(canAnswerFeedback(admin, [])).toBe(true);
		expect(canAnswerFeedback(reviewer, [reviewer.organizationId])).toBe(false);
		expect(policyEditRefusal(admin, 'consultation')).toBeNull();
		expect(policyEditRefusal(admin, 'review')).toBe('locked');
		expect(policyEditRefusal(editor, 'drafting')).toBe('role');
		// 依次: only the department whose turn it is.
		expect(mayCountersignInTurn(reviewer, [3, 2], 3)).toBe(false);
		expect(mayCountersignInTurn(reviewer, [3, 2], 2)).toBe(true);
		expect(mayCountersignInTurn(reviewer, [3, 2], undefined)).toBe(true);
		expect(mayCountersignInTurn(editor, [3, 2], undefined)).toBe(false);
		expect(canWaiveConsultation(admin)).toBe(true);
		expect(canWaiveConsultation(reviewer)).toBe(false);
	});

	it('opens site administration to system admins only', () => {
		expect(canAdministerSite({ isSystemAdmin: true })).toBe(true);
		expect(canAdministerSite({ isSystemAdmin: false })).toBe(false);
		expect(canAdministerSite(null)).toBe(false);
	});

	it('lets invited groups comment in an open round, and shows comments to who may see them', () => {
		const round = { opensAt: 0, closesAt: 100, closedAt: null, groups: ['residents' as const] };
		expect(roundCommentRefusal('residents', round, 50)).toBeUndefined();
		expect(roundCommentRefusal('public', round, 50)).toBeUndefined();
		expect(roundCommentRefusal('enterprise', round, 50)).toBe('round-not-invited');
		expect(roundCommentRefusal(undefined, round, 50)).toBe('round-not-invited');
		expect(roundCommentRefusal('residents', round, 100)).toBe('round-ended');
		const resident = { roles: ['resident' as const], organizationId: 7 };
		expect(seesConsultationThread(resident, false, 13, 13)).toBe(true);
		expect(seesConsultationThread(resident, false, 13, 12)).toBe(false);
		expect(seesConsultationThread(editor, false, 2, 12)).toBe(true);
	});

	it('keeps a site admin from disabling their own account', () => {
		expect(disableUserRefusal(1, 1)).toBe('self');
		expect(disableUserRefusal(1, 2)).toBeNull();
	});

	it('names approvers and participants by their roles', () => {
		const leader = { roles: ['approver' as const], organizationId: 5 };
		const qiye = { roles: ['enterprise' as const], organizationId: 6 };
		const jumin = { roles: ['resident' as const], organizationId: 7 };
		expect([leader, qiye, jumin, editor, undefined].map(canApprove)).toEqual([
			true,
			false,
			false,
			false,
			false
		]);
		expect([leader, qiye, jumin, editor, undefined].map(isParticipant)).toEqual([
			false,
			true,
			true,
			false,
			false
		]);
	});

	it('shows a participant their own report row, others only once the round is over', () => {
		expect(participantReportRow(13, 13, false)).toBe('own');
		expect(participantReportRow(13, 12, false)).toBe('hidden');
		expect(participantReportRow(13, 12, true)).toBe('masked');
		expect(participantReportRow(13, undefined, false)).toBe('hidden');
	});

	it('keeps the last admin role of a plan', () => {
		expect(roleRemovalRefusal('admin', true, 1)).toBe('last-admin');
		expect(roleRemovalRefusal('admin', true, 2)).toBeNull();
		expect(roleRemovalRefusal('admin', false, 1)).toBeNull();
		expect(roleRemovalRefusal('editor', true, 1)).toBeNull();
	});
});
