/** Caps of the collaboration server; the numbers are policy, kept in one place. */
/** Outline caps messages at 1.5 MiB; ws would accept 100 MiB and a bare Hocuspocus 50 MB. */
export const MAX_MESSAGE_BYTES = 1.5 * 1024 * 1024;
/** A section is prose and tables: 10 MiB of Yjs state is far beyond any real one. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
// Sockets per user and per client address, and refused upgrades per address, are configuration
// (config.ts: COLLAB_MAX_CONNECTIONS_PER_USER, COLLAB_MAX_CONNECTIONS_PER_IP,
// COLLAB_REFUSED_UPGRADES_PER_MINUTE): a city behind one proxy needs other numbers than an office.
export const MAX_CONNECTIONS_PER_DOCUMENT = 200;
