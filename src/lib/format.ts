/**
 * Dates and times as Chinese officials write them (2026年11月24日, 14:05), in the instance's time
 * zone. Kept as the name pages import; the one implementation is dates.ts.
 */
export { formatDate, formatDateTime, formatTime } from './dates.ts';
