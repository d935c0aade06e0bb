/**
 * Expected problems raised by domain services: a stable code the UI maps to a Chinese message,
 * plus details for the message's parameters. Anything else is unexpected and logged.
 */
export class DomainError extends Error {
	readonly code: string;
	readonly details: Record<string, string | number>;
	readonly status: number;

	constructor(code: string, details: Record<string, string | number> = {}, status = 400) {
		super(code);
		this.name = 'DomainError';
		this.code = code;
		this.details = details;
		this.status = status;
	}
}
