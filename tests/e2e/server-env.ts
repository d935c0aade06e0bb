/**
 * The e2e server's environment beyond the test defaults: five copies of the demo plan, so the
 * specs that freeze chapters get a plan of their own (consultation.spec.ts plan 2, workflow.spec.ts
 * plan 3, sign-steps.spec.ts plan 4, opinion-suggest.spec.ts plan 5) and every spec can run beside and after any other.
 */
export const E2E_SERVER_ENV = { SEED_DEMO_PLANS: '5' };
