/**
 * /verify in the browser, without logging in: the instance's key fingerprint (the one the well-known
 * URL serves), an upload that is not an export, a draft export (not signed), a pasted hash. Genuine
 * and tampered 定稿 files are checked in tests/integration/verify.test.ts.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { login } from '../helpers/http.ts';
import { expect, hydrated, serverUrl, test } from './fixtures.ts';

test('a citizen checks files and a hash on /verify without an account', async ({ page }) => {
	// The draft's DOCX waits its turn in the one export worker behind other specs' PDFs (each
	// printed twice for its table of contents) and draws the diagrams: more than the default budget.
	test.setTimeout(120_000);
	const url = serverUrl();
	const pem = await (await fetch(`${url}/.well-known/lantu-signing-key`)).text();
	const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
	const fingerprint = createHash('sha256').update(der).digest('hex').toUpperCase();

	await page.goto('/verify');
	await hydrated(page);
	await expect(page.getByRole('heading', { name: '验证文件' })).toBeVisible();
	await expect(page.getByTestId('fingerprint')).toHaveText(fingerprint.match(/.{4}/g)!.join(' '));

	const upload = page.getByLabel(/导出的 DOCX 或 PDF 文件/);
	await upload.setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('不是导出文件')
	});
	await page.getByRole('button', { name: '核验', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('无法读取文件');

	// The live draft's export carries no signature: it is not a signed version.
	const cookie = await login(url, 'dsj');
	const draft = await fetch(`${url}/plans/1/export/docx?version=draft`, { headers: { cookie } });
	expect(draft.status).toBe(200);
	await upload.setInputFiles({
		name: 'draft.docx',
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		buffer: Buffer.from(await draft.arrayBuffer())
	});
	await page.getByRole('button', { name: '核验', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('文件中没有验证信息');

	await page.getByLabel(/版本的 SHA-256 哈希/).fill('ab'.repeat(32));
	await page.getByRole('button', { name: '查询' }).click();
	await expect(page.getByTestId('hash-result')).toContainText('本平台上没有这个哈希的版本');
});
