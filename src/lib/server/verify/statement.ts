/**
 * The signed statement of an exported frozen version, and the verification block (验证信息) that
 * prints it on the file's last page.
 *
 * The statement names what the file is — plan, edition, version(s) with their payload SHA-256,
 * the sign-off records, the file's format — and the SHA-256 of the file's canonical body text
 * (`canonical-text.ts`, read back by `extract.ts`): everything before the block. The instance
 * signs the statement's canonical JSON with Ed25519. The block prints the statement for people,
 * then the statement itself (base64 of its canonical JSON) and the signature, so a verifier needs
 * nothing but the file and the instance's public key: it decodes the statement, checks the
 * signature, checks that the printed block is exactly what the statement renders to (so no
 * printed line can be changed either), and recomputes the body text's digest.
 *
 * The digest is of the file's own text, so it differs between the DOCX and the PDF of one version
 * (list numbers, table captions and the table of contents are laid out by each format): each file
 * carries the digest of its format, named in the statement.
 *
 * Relative-import only: the export worker signs with it, `npm run verify` checks with it.
 */
import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../canonical-json.ts';
import { formatDateTime } from '../../dates.ts';
import type { VerificationBlock } from '../../export/types.ts';
import { canonicalText } from './canonical-text.ts';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const statementSchema = z.object({
	/** Format of this statement. */
	v: z.literal(1),
	/** SHA-256 (hex) of the signing key's public key (SPKI DER). */
	key: hex64,
	plan: z.object({ id: z.number().int(), title: z.string().max(500) }),
	edition: z.string().max(100),
	kind: z.enum(['version', 'compilation']),
	label: z.string().max(200),
	/** The version's payload SHA-256; for a compilation, the hash over its activities' hashes. */
	hash: hex64,
	activities: z
		.array(
			z.object({
				activity: z.string().max(50),
				title: z.string().max(100),
				label: z.string().max(200),
				hash: hex64.nullable()
			})
		)
		.max(10),
	signers: z
		.array(
			z.object({
				name: z.string().max(200),
				role: z.string().max(100),
				organization: z.string().max(200),
				decision: z.string().max(100),
				time: z.iso.datetime(),
				subject: z.string().max(200).optional()
			})
		)
		.max(500),
	format: z.enum(['docx', 'pdf']),
	/** SHA-256 of the canonical text of the file's body (everything before the block). */
	textDigest: hex64,
	signedAt: z.iso.datetime(),
	/** The zone the block's times are printed in. */
	timeZone: z.string().max(64)
});
export type Statement = z.infer<typeof statementSchema>;

export const WORDS = {
	title: '验证信息',
	note: '本页由生成本文件的蓝图平台实例以其签名密钥（Ed25519）签署。核验方法：在该平台的“验证文件”页面（/verify）上传本文件，或离线运行 npm run verify -- 本文件 --key 公钥文件；公钥见该平台 /.well-known/lantu-signing-key。正文改动任何一个字，核验都将失败。',
	plan: '规划',
	edition: '文本',
	version: '版本',
	hash: '内容哈希（SHA-256）',
	compilationHash: '汇编哈希（SHA-256）',
	signers: '签署',
	noSigners: '无（本版本无会签或签发记录）',
	digest: (format: string) => `正文文本摘要（SHA-256，${format.toUpperCase()}）`,
	signedAt: '签名时间',
	key: '签名密钥指纹（SHA-256）',
	data: '验证数据',
	signature: '签名（Ed25519）'
} as const;

/** Long base64 printed in lines that fit the page. */
const CHUNK = 64;

function chunks(text: string): string {
	const out: string[] = [];
	for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
	return out.join('\n');
}

/** A key fingerprint grouped for reading aloud: 16 groups of 4 hex digits. */
export function formatFingerprint(fingerprint: string): string {
	return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export function fingerprintOf(publicKey: KeyObject | string): string {
	const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
	return createHash('sha256')
		.update(key.export({ type: 'spki', format: 'der' }))
		.digest('hex');
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function statementBytes(statement: Statement): Buffer {
	return Buffer.from(canonicalJson(statement), 'utf8');
}

export function signStatement(statement: Statement, privateKey: KeyObject | string): string {
	return sign(null, statementBytes(statement), privateKey).toString('base64');
}

/** The block printed on the file's last page; its text is a function of statement and signature. */
export function verificationBlock(statement: Statement, signature: string): VerificationBlock {
	const time = (iso: string) => formatDateTime(iso, statement.timeZone);
	const lines: VerificationBlock['lines'] = [
		{ label: WORDS.plan, value: `《${statement.plan.title}》` },
		{ label: WORDS.edition, value: statement.edition },
		{ label: WORDS.version, value: statement.label }
	];
	if (statement.kind === 'compilation')
		for (const a of statement.activities)
			lines.push({
				label: a.title,
				value: a.hash ? `${a.label} SHA-256：${a.hash}` : a.label,
				code: false
			});
	lines.push(
		{
			label: statement.kind === 'compilation' ? WORDS.compilationHash : WORDS.hash,
			value: statement.hash,
			code: true
		},
		{
			label: WORDS.signers,
			value: statement.signers.length
				? statement.signers
						.map(
							(s) =>
								`${s.name}（${s.role}，${s.organization}）${s.decision}${s.subject ? `《${s.subject}》` : ''}，${time(s.time)}`
						)
						.join('；')
				: WORDS.noSigners
		},
		{ label: WORDS.digest(statement.format), value: statement.textDigest, code: true },
		{ label: WORDS.signedAt, value: `${time(statement.signedAt)}（${statement.timeZone}）` },
		{ label: WORDS.key, value: formatFingerprint(statement.key), code: true },
		{
			label: WORDS.data,
			value: chunks(statementBytes(statement).toString('base64')),
			code: true
		},
		{ label: WORDS.signature, value: chunks(signature), code: true }
	);
	return { title: WORDS.title, note: WORDS.note, lines };
}

/** The block's text as the canonical extraction reads it back. */
export function blockText(block: VerificationBlock): string {
	return canonicalText(
		[block.title, block.note, ...block.lines.map((l) => `${l.label}：${l.value}`)].join('')
	);
}
