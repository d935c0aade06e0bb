import { requireRoundReport } from '#lib/server/consultation/guard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({ report: requireRoundReport(event) });
