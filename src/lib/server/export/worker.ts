/**
 * Export worker entry (a piscina task): decodes the sections, builds the model and renders one
 * file, so all of it — seconds for a large plan — stays off the server's event loop. Run by Node
 * from source (type stripping), which is why it and what it imports use relative `.ts` imports.
 */
import { renderFile, type ExportOptions, type RenderFormat, type StoredInput } from './render.ts';

export interface RenderTask {
	input: StoredInput;
	format: RenderFormat;
	options: ExportOptions;
}

export default function render({ input, format, options }: RenderTask) {
	return renderFile(input, format, options);
}
