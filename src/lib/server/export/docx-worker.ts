/**
 * Worker thread entry: renders one DOCX from a plain export model, so the XML serialisation and
 * zipping (seconds for a large plan) never hold the server's event loop. Run by Node from source
 * (type stripping), which is why it and what it imports use relative `.ts` imports only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportDocument } from '../../export/types.ts';
import { renderDocx } from './docx.ts';

const bytes = await renderDocx(workerData as ExportDocument);
parentPort?.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
