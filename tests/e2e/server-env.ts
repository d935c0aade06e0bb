/**
 * The e2e server's environment beyond the test defaults: ten copies of the demo plan, so the
 * specs that freeze chapters get a plan of their own (consultation.spec.ts plan 2, workflow.spec.ts
 * plan 3, sign-steps.spec.ts plan 4, todo-signoff.spec.ts plan 5, feedback.spec.ts plan 6,
 * opinion-suggest.spec.ts plan 7, frozen-figures.spec.ts plan 8,
 * suggest-structure.spec.ts plan 9 — history.spec.ts restores plan 1's 8.7 —, blocks.spec.ts's
 * business tree plan 10) and every spec can run beside
 * and after any other. stack.ts adds the mailbox (SMTP_URL) and the test clock.
 */
export const E2E_SERVER_ENV = { SEED_DEMO_PLANS: '10' };
