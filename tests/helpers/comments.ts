/**
 * A text anchor on 8.4's body as the browser sends it with a comment: well-formed but arbitrary
 * positions (the server stores them, the browser resolves them) and the quoted words with context.
 */
export const SAMPLE_TEXT_ANCHOR = {
	kind: 'text',
	fragment: 'body',
	start: 'AQID',
	end: 'AQIE',
	quote: '一朵政务云',
	before: '全市只建',
	after: '、一张政务外网'
} as const;
