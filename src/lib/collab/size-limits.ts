/**
 * The byte caps of the collaboration protocol, shared by the server (which enforces them) and the
 * editor (which refuses a paste that could never be saved, at once, instead of leaving it stuck).
 */
/** Outline caps messages at 1.5 MiB; ws would accept 100 MiB and a bare Hocuspocus 50 MB. */
export const MAX_MESSAGE_BYTES = 1.5 * 1024 * 1024;
/** A section is prose and tables: 10 MiB of Yjs state is far beyond any real one. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/**
 * A Yjs update from an editor may be as large as a whole document: a big paste is one update, and
 * a long offline session is one sync step 2 on reconnect. Refusing those at the message cap would
 * leave the edit stuck in the browser forever (issue 11, item 9), so only they may exceed it — up
 * to the document cap plus the frame's envelope — and only from a writer, within a byte budget.
 */
export const MAX_SYNC_MESSAGE_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;
