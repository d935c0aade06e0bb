import type { SessionValidationResult } from '#lib/server/auth/session.ts';

declare global {
	namespace App {
		interface Locals {
			user: SessionValidationResult['user'];
			session: SessionValidationResult['session'];
		}
		interface Error {
			message: string;
			/** Stable id of an unexpected error, to find it in the logs. */
			errorId?: string;
			/** The database could not be reached: the request may succeed if tried again shortly. */
			unavailable?: boolean;
		}
	}
}

export {};
