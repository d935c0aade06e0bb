/**
 * Rendering a frozen version's DOCX or PDF with its signed 验证信息 (statement.ts): render the
 * document, read its text back exactly as a verifier will (extract.ts), sign the statement with
 * that text's digest, render again with the block on a last page of its own — nothing before it
 * moves — and check the result as `/verify` would before anyone gets it. A file that would not
 * verify is never handed out: the export fails instead (and says why in the log).
 *
 * Runs in the export worker; relative imports only.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { ModelInput } from '../../export/model.ts';
import type { ExportDocument } from '../../export/types.ts';
import { DEFAULT_TIME_ZONE } from '../../dates.ts';
import { renderDocx } from '../export/docx.ts';
import { withChromium } from '../export/pdf.ts';
import { layoutPrinter } from '../export/print-pdf.ts';
import { canonicalText } from './canonical-text.ts';
import { checkText } from './check.ts';
import { docxText, pdfText } from './extract.ts';
import {
	fingerprintOf,
	sha256Hex,
	signStatement,
	verificationBlock,
	type Statement
} from './statement.ts';

const RETURN_DECISION = '退回修改';

async function readText(bytes: Uint8Array, format: 'docx' | 'pdf'): Promise<string> {
	return canonicalText(format === 'docx' ? docxText(bytes) : await pdfText(bytes));
}

export async function renderSigned(
	doc: ExportDocument,
	input: ModelInput,
	format: 'docx' | 'pdf',
	privateKeyPem: string,
	now = new Date()
): Promise<Uint8Array> {
	if (format === 'docx') return sign(doc, input, format, privateKeyPem, now, renderDocx);
	return withChromium((print) =>
		sign(doc, input, format, privateKeyPem, now, layoutPrinter(print))
	);
}

async function sign(
	doc: ExportDocument,
	input: ModelInput,
	format: 'docx' | 'pdf',
	privateKeyPem: string,
	now: Date,
	render: (doc: ExportDocument) => Promise<Uint8Array>
): Promise<Uint8Array> {
	const { meta } = doc;
	const version = meta.version;
	if (version.kind === 'draft' || !version.hash) throw new Error('only frozen versions are signed');
	const privateKey = createPrivateKey(privateKeyPem);
	const publicKey = createPublicKey(privateKey);
	const unsigned = await render(doc);
	const statement: Statement = {
		v: 1,
		key: fingerprintOf(publicKey),
		plan: { id: meta.planId, title: meta.title },
		edition: meta.editionLabel,
		kind: version.kind,
		label: version.label,
		hash: version.hash,
		activities: (version.activities ?? []).map((a) => ({
			activity: a.activity,
			title: a.title,
			label: a.label,
			hash: a.hash
		})),
		signers: input.signoffs
			.filter((s) => s.decision !== RETURN_DECISION)
			.map((s) => ({
				name: s.name,
				role: s.role,
				organization: s.organization,
				decision: s.decision,
				time: new Date(s.time).toISOString(),
				...(s.subject ? { subject: s.subject } : {})
			})),
		format,
		textDigest: sha256Hex(await readText(unsigned, format)),
		signedAt: now.toISOString(),
		timeZone: meta.timeZone ?? DEFAULT_TIME_ZONE
	};
	const signature = signStatement(statement, privateKey);
	const signed = await render({ ...doc, verification: verificationBlock(statement, signature) });
	const check = checkText(format, await readText(signed, format), publicKey);
	if (!check.ok) throw new Error(`signed ${format} does not verify: ${check.failure}`);
	return signed;
}
