/** Size limits of comments, one place for the server's validation and the browser's inputs. */
export const COMMENT_LIMITS = {
	/** Characters of one comment body. */
	body: 4000,
	/** Characters of the quoted words kept with a text anchor. */
	quote: 500,
	/** Characters of context kept on each side of the quote. */
	context: 60,
	/** Characters of one encoded relative position. */
	position: 400,
	/** Comments (threads and replies) one user may post per minute. */
	perMinute: 20
} as const;
