/** Dates and times as Chinese officials write them: 2026年11月24日, 14:05. */
const dateFormat = new Intl.DateTimeFormat('zh-CN', {
	year: 'numeric',
	month: 'long',
	day: 'numeric',
	timeZone: 'Asia/Shanghai'
});
const timeFormat = new Intl.DateTimeFormat('zh-CN', {
	hour: '2-digit',
	minute: '2-digit',
	hour12: false,
	timeZone: 'Asia/Shanghai'
});

export function formatDate(value: Date | number | string): string {
	return dateFormat.format(new Date(value));
}

export function formatDateTime(value: Date | number | string): string {
	const date = new Date(value);
	return `${dateFormat.format(date)} ${timeFormat.format(date)}`;
}
