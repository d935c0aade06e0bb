import { describe, expect, it } from 'vitest';
import { deriveStatus } from './status.ts';

const base = {
	connected: true,
	synced: true,
	unsyncedChanges: 0,
	failed: false,
	everConnected: true
};

describe('deriveStatus', () => {
	it('says saved only when connected, synced and nothing is unacknowledged', () => {
		expect(deriveStatus(base)).toBe('saved');
		expect(deriveStatus({ ...base, unsyncedChanges: 1 })).toBe('saving');
		expect(deriveStatus({ ...base, synced: false })).toBe('connecting');
	});

	it('never says saved while disconnected', () => {
		expect(deriveStatus({ ...base, connected: false })).toBe('offline');
		expect(deriveStatus({ ...base, connected: false, unsyncedChanges: 3 })).toBe('offline');
		expect(deriveStatus({ ...base, connected: false, everConnected: false })).toBe('connecting');
	});

	it('reports a refused or failed connection as an error', () => {
		expect(deriveStatus({ ...base, failed: true })).toBe('error');
	});
});

describe('close codes the provider reports', () => {
	it('finds the real code of a per-document close by its reason', async () => {
		const { closeCodeOf } = await import('./close-codes.ts');
		expect(closeCodeOf({ code: 1000, reason: 'document-too-large' })).toBe('documentTooLarge');
		expect(closeCodeOf({ code: 1000, reason: 'invalid-block-data' })).toBe('invalidBlockData');
		expect(closeCodeOf({ code: 4413, reason: '' })).toBe('documentTooLarge');
		expect(closeCodeOf({ code: 1009, reason: '' })).toBe('tooLarge');
		expect(closeCodeOf({ code: 1000, reason: 'provider_initiated' })).toBeUndefined();
	});
});
