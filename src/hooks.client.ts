/**
 * Browser-side start-up. The pages run under a CSP without 'unsafe-eval'; zod 4 probes
 * `Function('')` on its first object parse to decide whether to compile parsers, and the browser
 * reports that probe as a CSP violation (securitypolicyviolation, and a console error) even though
 * zod catches it. Parsing in the browser is small (suggestion marks, block rows), so zod runs
 * without the JIT here; the server keeps it.
 */
import { z } from 'zod';

z.config({ jitless: true });
