/**
 * Checking a file against the instance's public key, without the server: what `npm run verify`
 * does, and the first half of what `/verify` does (the page then also looks the version up).
 *
 * In order: the file can be read (DOCX or PDF) → it carries a verification block → the statement
 * in it decodes → the statement is signed by this key → the printed block is exactly what the
 * statement renders to → the file's body text has the digest the statement names.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalText } from './canonical-text.ts';
import { extractCanonicalText, UnreadableFileError, type FileFormat } from './extract.ts';
import {
	blockText,
	fingerprintOf,
	sha256Hex,
	statementBytes,
	statementSchema,
	verificationBlock,
	WORDS,
	type Statement
} from './statement.ts';

export type CheckFailure =
	| 'unreadable'
	| 'no-block'
	| 'bad-block'
	| 'wrong-key'
	| 'bad-signature'
	| 'block-altered'
	| 'format-mismatch'
	| 'text-altered';

/** What a citizen is told, in the words of the page and the command. */
export const FAILURE_WORDS: Record<CheckFailure, string> = {
	unreadable: '无法读取文件：不是有效的 DOCX 或 PDF 文件',
	'no-block': '文件中没有验证信息：它不是本平台导出的已签署版本',
	'bad-block': '验证信息不完整或已被改动，无法解读',
	'wrong-key': '文件不是由本实例签署的（签名密钥不同）',
	'bad-signature': '签名无效：验证信息已被改动，或不是本实例签署的',
	'block-altered': '验证信息页的内容与签名不一致（验证信息已被改动）',
	'format-mismatch': '文件格式与签署时的格式不一致',
	'text-altered': '文件内容与签署版本不一致：正文已被改动'
};

export type FileCheck =
	| { ok: true; format: FileFormat; statement: Statement }
	| { ok: false; failure: CheckFailure; format?: FileFormat; statement?: Statement };

const DATA = canonicalText(`${WORDS.data}：`);
const SIGNATURE = canonicalText(`${WORDS.signature}：`);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Checks a file's canonical text (see extract.ts) against a public key. */
export function checkText(
	format: FileFormat,
	text: string,
	publicKey: KeyObject | string
): FileCheck {
	const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
	const dataAt = text.lastIndexOf(DATA);
	const signatureAt = dataAt < 0 ? -1 : text.indexOf(SIGNATURE, dataAt);
	if (dataAt < 0 || signatureAt < 0) return { ok: false, failure: 'no-block', format };
	const encoded = text.slice(dataAt + DATA.length, signatureAt);
	const signature = text.slice(signatureAt + SIGNATURE.length);
	if (!BASE64.test(encoded) || !BASE64.test(signature))
		return { ok: false, failure: 'bad-block', format };
	let statement: Statement;
	try {
		const parsed = statementSchema.safeParse(
			JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))
		);
		if (!parsed.success) return { ok: false, failure: 'bad-block', format };
		statement = parsed.data;
	} catch {
		return { ok: false, failure: 'bad-block', format };
	}
	if (statement.key !== fingerprintOf(key))
		return { ok: false, failure: 'wrong-key', format, statement };
	// The signature is over the canonical bytes; the printed base64 must be exactly those bytes too.
	const bytes = statementBytes(statement);
	if (bytes.toString('base64') !== encoded)
		return { ok: false, failure: 'bad-block', format, statement };
	if (!verify(null, bytes, key, Buffer.from(signature, 'base64')))
		return { ok: false, failure: 'bad-signature', format, statement };
	const block = blockText(verificationBlock(statement, signature));
	if (!text.endsWith(block)) return { ok: false, failure: 'block-altered', format, statement };
	if (statement.format !== format)
		return { ok: false, failure: 'format-mismatch', format, statement };
	const body = text.slice(0, text.length - block.length);
	if (sha256Hex(body) !== statement.textDigest)
		return { ok: false, failure: 'text-altered', format, statement };
	return { ok: true, format, statement };
}

/** Reads a file (DOCX or PDF) and checks it; never throws for a bad file. */
export async function checkFile(
	bytes: Uint8Array,
	publicKey: KeyObject | string
): Promise<FileCheck> {
	let read: Awaited<ReturnType<typeof extractCanonicalText>>;
	try {
		read = await extractCanonicalText(bytes);
	} catch (e) {
		if (e instanceof UnreadableFileError) return { ok: false, failure: 'unreadable' };
		throw e;
	}
	return checkText(read.format, read.text, publicKey);
}
