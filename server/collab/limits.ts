/** Caps of the collaboration server; the numbers are policy, kept in one place. */
/** Outline caps messages at 1.5 MiB; ws would accept 100 MiB and a bare Hocuspocus 50 MB. */
export const MAX_MESSAGE_BYTES = 1.5 * 1024 * 1024;
/** A section is prose and tables: 10 MiB of Yjs state is far beyond any real one. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/**
 * Sockets per client IP. A whole office behind one NAT address stays well under 50; the benchmark,
 * which opens hundreds from loopback, raises it with COLLAB_MAX_CONNECTIONS_PER_IP.
 */
export const MAX_CONNECTIONS_PER_IP = Number(process.env.COLLAB_MAX_CONNECTIONS_PER_IP ?? 50);
export const MAX_CONNECTIONS_PER_DOCUMENT = 200;
