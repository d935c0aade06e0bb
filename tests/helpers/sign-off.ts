/**
 * The demo walk of an activity to its 定稿 through the real workflow form actions, shared by the
 * tests that need a signed final version: 发改委 and the expert panel countersign, one enterprise
 * and one resident representative confirm, the leader signs with the demo password.
 */
import { expect } from 'vitest';
import { testDatabase, type DatabaseLocation } from './db.ts';
import { DEMO_PASSWORD, postFormPage } from './http.ts';

/** The accounts the walk uses (demo seed usernames). */
export type DemoAccount = 'admin' | 'reviewer' | 'expert' | 'qiye' | 'jumin' | 'leader';

/** Posts one workflow action as `who` and fails the test unless it succeeds. */
export type Act = (who: DemoAccount, action: string, fields?: [string, string][]) => Promise<void>;

/** Organization ids in the demo seed. */
export const FGW = 2;
export const EXPERTS = 8;

export const SIGN_OFF_POLICY: [string, string][] = [
	['departments', String(FGW)],
	['departments', String(EXPERTS)],
	['enterpriseCount', '1'],
	['residentCount', '1'],
	['approverId', '']
];

export const WAIVER: [string, string][] = [['waiverReason', '演示数据，内容待补充']];

/** The admin sets the sign-off policy and publishes the 征求意见稿. */
export async function policyAndPublish(act: Act): Promise<void> {
	await act('admin', 'policy', SIGN_OFF_POLICY);
	await act('admin', 'publish');
}

/**
 * From drafting (consultation closed) to 已批准: submit, two countersigns, two confirmations and
 * the leader's approval. `beforeApprove` runs when the activity waits for the signature.
 */
export async function submitToFinal(act: Act, beforeApprove?: () => Promise<void>): Promise<void> {
	await act('admin', 'submit', WAIVER);
	await act('reviewer', 'countersign');
	await act('expert', 'countersign');
	await act('qiye', 'confirm');
	await act('jumin', 'confirm');
	await beforeApprove?.();
	await act('leader', 'approve', [['password', DEMO_PASSWORD]]);
}

/** The whole walk: policy, publish, close the round early, then to the 定稿. */
export async function walkToFinal(act: Act, closeReason = '意见已收齐，提前结束'): Promise<void> {
	await policyAndPublish(act);
	await act('admin', 'closeConsultation', [['closeReason', closeReason]]);
	await submitToFinal(act);
}

/** Posts one workflow action of an activity of plan 1 as a browser form; its status (refusals too). */
export async function workflowStatus(
	baseUrl: string,
	cookie: string | undefined,
	activity: string,
	action: string,
	fields: [string, string][] = []
): Promise<number> {
	const path = `/plans/1/workflow/${activity}?/${action}`;
	return (await postFormPage(baseUrl, path, fields, cookie)).status;
}

/**
 * An `Act` posting the workflow form actions of one activity of plan 1 as a browser would
 * (same-origin form post with the account's session cookie), failing the test unless it succeeds.
 */
export function workflowActor(
	baseUrl: () => string,
	cookieOf: (who: string) => string,
	activity: string
): (who: string, action: string, fields?: [string, string][]) => Promise<void> {
	return async (who, action, fields = []) => {
		const status = await workflowStatus(baseUrl(), cookieOf(who), activity, action, fields);
		expect({ who, action, status }).toEqual({ who, action, status: 200 });
	};
}

/** The state of an activity of plan 1 (drafting, review, …) as the test server stored it. */
export function activityState(server: DatabaseLocation, activity: string): string {
	return testDatabase(() => server).query<{ state: string }>(
		'SELECT state FROM plan_activities WHERE plan_id = 1 AND activity = ?',
		activity
	).state;
}
