/**
 * `npm run verify -- FILE [--key PUBLIC_KEY_PEM_FILE]`: checks an exported DOCX or PDF offline —
 * its 验证信息 is signed by the given public key and its body text is exactly the text that was
 * signed (one changed character fails). Without --key, the key of the instance on this machine
 * ($DATA_DIR/signing-key.pub.pem, else ./data/signing-key.pub.pem); another instance's key is
 * published at https://<instance>/.well-known/lantu-signing-key.
 *
 * Exit code 0: genuine; 1: not (the reason is printed); 2: usage or unreadable key.
 * It cannot tell whether the version still exists on the instance or whether its stored payload is
 * intact — /verify on the instance checks that too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { checkFile, FAILURE_WORDS } from '../src/lib/server/verify/check.ts';
import { formatFingerprint, fingerprintOf } from '../src/lib/server/verify/statement.ts';

const MAX_BYTES = 50 * 1024 * 1024;

function fail(message: string, code: number): never {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}

const { values, positionals } = (() => {
	try {
		return parseArgs({ allowPositionals: true, options: { key: { type: 'string' } } });
	} catch (e) {
		return fail(`用法：npm run verify -- 文件 [--key 公钥.pem]\n${(e as Error).message}`, 2);
	}
})();
if (positionals.length !== 1) fail('用法：npm run verify -- 文件 [--key 公钥.pem]', 2);
const file = positionals[0];
const keyFile = values.key ?? path.join(process.env.DATA_DIR ?? './data', 'signing-key.pub.pem');

let publicKey;
try {
	publicKey = createPublicKey(fs.readFileSync(keyFile, 'utf8'));
} catch (e) {
	fail(`无法读取公钥 ${keyFile}：${(e as Error).message}`, 2);
}
const size = (() => {
	try {
		return fs.statSync(file).size;
	} catch (e) {
		return fail(`无法读取文件 ${file}：${(e as Error).message}`, 2);
	}
})();
if (size > MAX_BYTES) fail(`${file}：文件过大（超过 50 MB），不是本平台导出的文件`, 1);

const result = await checkFile(new Uint8Array(fs.readFileSync(file)), publicKey);
const keyLine = `公钥指纹：${formatFingerprint(fingerprintOf(publicKey))}`;
if (!result.ok) {
	fail(`✗ 验证未通过：${FAILURE_WORDS[result.failure]}\n  文件：${file}\n  ${keyLine}`, 1);
}
const s = result.statement;
process.stdout.write(
	[
		`✓ 验证通过：文件正文与签署的版本完全一致，签名有效。`,
		`  文件：${file}（${result.format.toUpperCase()}）`,
		`  规划：《${s.plan.title}》`,
		`  版本：${s.label}`,
		`  内容哈希（SHA-256）：${s.hash}`,
		`  签署：${s.signers.length ? s.signers.map((x) => `${x.name}（${x.decision}）`).join('，') : '无'}`,
		`  ${keyLine}`,
		''
	].join('\n')
);
