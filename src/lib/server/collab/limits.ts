/** Caps of the collaboration server; the numbers are policy, kept in one place. */
export {
	MAX_DOCUMENT_BYTES,
	MAX_MESSAGE_BYTES,
	MAX_SYNC_MESSAGE_BYTES
} from '../../collab/size-limits.ts';
/** Bytes of oversized sync messages (above MAX_MESSAGE_BYTES) one connection may send per minute. */
export const LARGE_MESSAGE_BUDGET_BYTES = 3 * 10 * 1024 * 1024;
// Sockets per user and per client address, and refused upgrades per address, are configuration
// (config.ts: COLLAB_MAX_CONNECTIONS_PER_USER, COLLAB_MAX_CONNECTIONS_PER_IP,
// COLLAB_REFUSED_UPGRADES_PER_MINUTE): a city behind one proxy needs other numbers than an office.
/** Per process: it bounds this process's fan-out of one section, whatever other instances hold. */
export const MAX_CONNECTIONS_PER_DOCUMENT = 200;
