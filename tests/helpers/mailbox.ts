/**
 * A loopback mail server for tests (the `smtp-server` package, a real SMTP dialogue): the app's
 * nodemailer sends to it through SMTP_URL and the test reads what arrived. Messages are kept in
 * memory and, with `dir`, written there one JSON file each, so the browser specs (other processes
 * than the one holding the server) can read the mailbox too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server.ts';

export interface Mail {
	to: string[];
	subject: string;
	text: string;
}

export interface Mailbox {
	url: string;
	messages: Mail[];
	/** Answers the next delivery to `address` with a temporary failure (451), once. */
	failNextTo(address: string): void;
	/** Waits until a message matching `match` has arrived (or throws after `timeoutMs`). */
	waitFor(match: (mail: Mail) => boolean, timeoutMs?: number): Promise<Mail>;
	close(): Promise<void>;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header. */
function decodeHeader(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
			encoding.toLowerCase() === 'b'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuotedPrintable(data.replace(/_/g, ' '))
		);
}

function decodeQuotedPrintable(data: string): string {
	const bytes: number[] = [];
	const text = data.replace(/=\r?\n/g, '');
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
			bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(text[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/** Subject and plain-text body of a single-part message as nodemailer writes it. */
export function parseMail(raw: string, to: string[]): Mail {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const body = raw.slice(split + 4);
	const header = (name: string) =>
		new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	const text =
		encoding === 'base64'
			? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
			: encoding === 'quoted-printable'
				? decodeQuotedPrintable(body)
				: body;
	return { to, subject: decodeHeader(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

export async function startMailbox(options: { dir?: string } = {}): Promise<Mailbox> {
	const messages: Mail[] = [];
	const failing = new Set<string>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address, _session, callback) {
			const to = address.address.toLowerCase();
			if (failing.delete(to)) {
				const refusal = Object.assign(new Error('try again later'), { responseCode: 451 });
				callback(refusal);
				return;
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
				const mail = parseMail(Buffer.concat(chunks).toString('utf8'), to);
				messages.push(mail);
				if (options.dir) {
					fs.mkdirSync(options.dir, { recursive: true });
					const name = `${Date.now()}-${messages.length}.json`;
					fs.writeFileSync(path.join(options.dir, name), JSON.stringify(mail));
				}
				callback();
			});
		}
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		failNextTo: (address) => failing.add(address.toLowerCase()),
		async waitFor(match, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				const found = messages.find(match);
				if (found) return found;
				await new Promise((r) => setTimeout(r, 100));
			}
			throw new Error(
				`no matching mail within ${timeoutMs} ms; got: ${JSON.stringify(messages, null, 1)}`
			);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The messages written to a mailbox directory (for the browser specs). */
export function readMailDir(dir: string): Mail[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Mail);
}
