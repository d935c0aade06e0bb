/**
 * One comment request at a time from a component (send, reply, resolve): `busy` while it runs, and
 * the server's refusal (or the network failure) as `problem` for the component to show.
 */
import { m } from '#lib/paraglide/messages.js';
import { CommentRequestError } from './section-comments.svelte.ts';

export class CommentRequest {
	busy = $state(false);
	problem = $state('');

	async run(action: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.problem = '';
		try {
			await action();
		} catch (error) {
			this.problem =
				error instanceof CommentRequestError ? error.message : m.error_comment_network();
		} finally {
			this.busy = false;
		}
	}
}
