/**
 * Unit tests that touch the database get a fresh temporary SQLite file per test file; config.ts
 * reads the environment when first imported, so this runs before any test module.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-unit-'));
delete process.env.DATABASE_PATH;
process.env.LOG_LEVEL = 'silent';
