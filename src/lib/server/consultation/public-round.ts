/**
 * The round a public consultation link names: the token is the only credential of /consult/[token]
 * and everything under it (the page, its comment form, its images), so they share one check. An
 * unknown or malformed token is a plain 404, as for any page that does not exist.
 */
import { error } from '@sveltejs/kit';
import { roundByToken } from './round-data.ts';

export function requirePublicRound(token: string) {
	const round = roundByToken(token);
	if (!round) error(404, { message: 'not found' });
	return round;
}
