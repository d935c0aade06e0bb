import { error, json } from '@sveltejs/kit';
import { newChallenge } from '#lib/server/consultation/pow.ts';
import { roundByToken } from '#lib/server/consultation/round-data.ts';
import type { RequestHandler } from './$types';

/** A fresh proof-of-work challenge for the public form of a round (no login). */
export const GET: RequestHandler = async ({ params }) => {
	if (!roundByToken(params.token)) error(404, { message: 'not found' });
	return json(await newChallenge(), { headers: { 'cache-control': 'no-store' } });
};
