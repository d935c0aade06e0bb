/**
 * A comment's body as it is stored, for section comments and consultation comments alike:
 * normalized, not empty, within the limit (each refusal its own code, so the message is clear).
 */
import { normalizeBody } from '../comments/body.ts';
import { COMMENT_LIMITS } from '../comments/limits.ts';
import { DomainError } from './errors.ts';

export function cleanCommentBody(raw: string): string {
	const body = normalizeBody(raw);
	if (body.length === 0) throw new DomainError('comment-empty');
	if (body.length > COMMENT_LIMITS.body) {
		throw new DomainError('comment-too-long', { max: COMMENT_LIMITS.body, length: body.length });
	}
	return body;
}
