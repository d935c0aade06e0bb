/**
 * The instance's signing key: an Ed25519 key pair created at first start in DATA_DIR.
 *
 * - `signing-key.pem`: the private key (PKCS#8), mode 0600, never served. Written to a temporary
 *   file and then linked into place — atomic, and a second process starting at the same moment
 *   cannot replace a key the first one already uses (the link fails; both then read the same key).
 * - `signing-key.pub.pem`: the public key, for `npm run verify` on this machine; the same key is
 *   served at /.well-known/lantu-signing-key.
 *
 * A private key file readable by others is made private again (and logged); one that cannot be
 * read as an Ed25519 key stops the start with a clear message — signing with another key would
 * make every earlier export unverifiable.
 */
import {
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	type KeyObject
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config.ts';
import { logger } from '../log.ts';
import { fingerprintOf } from './statement.ts';

export const PRIVATE_KEY_FILE = 'signing-key.pem';
export const PUBLIC_KEY_FILE = 'signing-key.pub.pem';

export interface InstanceKey {
	privateKey: KeyObject;
	/** PKCS#8 PEM, handed to the export worker (same process) to sign there. */
	privateKeyPem: string;
	publicKey: KeyObject;
	publicKeyPem: string;
	/** SHA-256 (hex) of the public key's SPKI DER. */
	fingerprint: string;
}

function writeAtomically(file: string, content: string, mode: number): boolean {
	const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
	const fd = fs.openSync(temp, 'wx', mode);
	try {
		fs.writeSync(fd, content);
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
	try {
		fs.linkSync(temp, file);
		return true;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw e;
	} finally {
		fs.unlinkSync(temp);
	}
}

export function loadOrCreateKey(dir: string): InstanceKey {
	const log = logger('signing');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, PRIVATE_KEY_FILE);
	if (!fs.existsSync(file)) {
		const { privateKey } = generateKeyPairSync('ed25519');
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		if (writeAtomically(file, pem, 0o600)) log.info({ file }, 'created the instance signing key');
	}
	const mode = fs.statSync(file).mode & 0o777;
	if (mode & 0o077) {
		fs.chmodSync(file, 0o600);
		log.warn({ file, mode: mode.toString(8) }, 'signing key was readable by others: made private');
	}
	const privateKeyPem = fs.readFileSync(file, 'utf8');
	let privateKey: KeyObject;
	try {
		privateKey = createPrivateKey(privateKeyPem);
	} catch (e) {
		throw new Error(`${file} is not a readable private key: ${(e as Error).message}`, {
			cause: e
		});
	}
	if (privateKey.asymmetricKeyType !== 'ed25519')
		throw new Error(`${file} is not an Ed25519 key (${privateKey.asymmetricKeyType})`);
	const publicKey = createPublicKey(privateKey);
	const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const publicFile = path.join(dir, PUBLIC_KEY_FILE);
	if (!fs.existsSync(publicFile) || fs.readFileSync(publicFile, 'utf8') !== publicKeyPem) {
		fs.rmSync(publicFile, { force: true });
		writeAtomically(publicFile, publicKeyPem, 0o644);
	}
	return {
		privateKey,
		privateKeyPem,
		publicKey,
		publicKeyPem,
		fingerprint: fingerprintOf(publicKey)
	};
}

let instance: InstanceKey | undefined;

/** The instance's key (created on first use; `init` calls it at start). */
export function instanceKey(): InstanceKey {
	instance ??= loadOrCreateKey(path.resolve(config.DATA_DIR));
	return instance;
}
