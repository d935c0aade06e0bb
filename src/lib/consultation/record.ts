/**
 * The consultation record of an activity as frozen into a version payload (format 2): every round
 * with its settings and every comment with its answer and the commenter's 参与确认. The
 * 意见采纳情况说明 of an export of a frozen version is rendered from this, so the appendix printed
 * under a signed hash is exactly what was signed. Pure: the server builds it, exports read it.
 */
import type { ParticipantGroup } from './period.ts';
import type { ReportRow } from './report.ts';

export interface FrozenReportRow extends ReportRow {
	/** When the owning department answered (ms), null while pending. */
	answeredAt: number | null;
	/** When the commenter confirmed they read the answer (ms); public comments have none. */
	confirmedAt: number | null;
}

export interface FrozenRound {
	id: number;
	versionId: number;
	versionSeq: number;
	hash: string;
	groups: ParticipantGroup[];
	opensAt: number;
	closesAt: number;
	closedAt: number | null;
	days: number;
	shortReason: string | null;
	/** Why the round was closed before its planned end (absent in records frozen before it existed). */
	closeReason?: string | null;
	hasPublicLink: boolean;
	rows: FrozenReportRow[];
}

export interface ConsultationRecord {
	/** Oldest first. */
	rounds: FrozenRound[];
}
