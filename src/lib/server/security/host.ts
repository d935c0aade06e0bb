/**
 * The syntax of a Host header (RFC 9110 §7.2: uri-host [":" port], where uri-host is a reg-name, an
 * IPv4 address or a bracketed IPv6 literal). Anything else — `a b`, `a/b`, a tab — is a malformed
 * request, refused with 400 before any code builds a URL from it.
 */
const HOST = /^(?:[A-Za-z0-9._~!$&'()*+,;=%-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function isValidHost(host: string | undefined): boolean {
	return host === undefined || HOST.test(host);
}
