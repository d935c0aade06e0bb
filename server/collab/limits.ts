/** Caps of the collaboration server; the numbers are policy, kept in one place. */
export {
	MAX_DOCUMENT_BYTES,
	MAX_MESSAGE_BYTES,
	MAX_SYNC_MESSAGE_BYTES
} from '../../src/lib/collab/size-limits.ts';
/** Bytes of oversized sync messages (above MAX_MESSAGE_BYTES) one connection may send per minute. */
export const LARGE_MESSAGE_BUDGET_BYTES = 3 * 10 * 1024 * 1024;
/**
 * Sockets per client IP. A whole office behind one NAT address stays well under 50; the benchmark,
 * which opens hundreds from loopback, raises it with COLLAB_MAX_CONNECTIONS_PER_IP.
 */
export const MAX_CONNECTIONS_PER_IP = Number(process.env.COLLAB_MAX_CONNECTIONS_PER_IP ?? 50);
export const MAX_CONNECTIONS_PER_DOCUMENT = 200;
