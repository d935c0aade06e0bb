/** What the browser gets of a comment thread (the server's presenter returns exactly this). */
export type ThreadAnchor =
	| { kind: 'text'; fragment: string; start: string; end: string }
	| { kind: 'row'; blockKey: string; rowId: string }
	/** A discussion of a pending suggestion (修订), shown in the 修订 side list. */
	| { kind: 'suggestion'; fragment: string; suggestionId: string };

export interface CommentView {
	id: number;
	author: string;
	authorId: number;
	organization: string;
	body: string;
	mentions: { id: number; name: string }[];
	createdAt: number;
}

export interface ThreadView {
	id: number;
	status: 'open' | 'resolved';
	anchor: ThreadAnchor;
	/** The quoted words (text) or the row's title (row) when the thread began. */
	quote: string;
	before: string;
	after: string;
	authorId: number;
	resolvedBy: string | null;
	resolvedAt: number | null;
	canResolve: boolean;
	comments: CommentView[];
}

export interface MemberView {
	id: number;
	name: string;
	organization: string;
}
