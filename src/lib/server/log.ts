/** Structured logs (pino), one child logger per category. No bare `console` in server code. */
import pino from 'pino';
import { config } from './config.ts';

const root = pino({
	level: config.LOG_LEVEL,
	base: { app: 'lantu' },
	timestamp: pino.stdTimeFunctions.isoTime
});

export type Logger = pino.Logger;

export function logger(category: string): Logger {
	return root.child({ category });
}
