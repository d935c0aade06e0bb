/** The plan-level view of the four activities, as the server sends it to ActivityProgress.svelte. */
import type { Activity } from '../standard/sections.ts';
import type { Milestone, WorkflowState } from './machine.ts';

export interface VersionSummary {
	id: number;
	milestone: Milestone;
	seq: number;
	hash: string;
	/** When a reopened activity's 定稿 approval was superseded (ms), else null. */
	supersededAt: number | null;
}

export interface ActivityProgressItem {
	activity: Activity;
	chapter: string;
	state: WorkflowState;
	updatedAt: number | null;
	current: VersionSummary | null;
	approved: VersionSummary | null;
	/** Departments of the policy that countersigned the current version, and how many must. */
	countersigned: number;
	departments: number;
	/** When the step under way is due (ms; review or approval with a deadline), else null. */
	deadline: number | null;
	/** The step is past its deadline (decided by the server's clock). */
	overdue: boolean;
}
