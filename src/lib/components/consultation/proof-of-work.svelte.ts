/**
 * The browser side of the public form's proof of work (server: src/lib/server/consultation/pow.ts):
 * fetch a challenge, find its counter with altcha-lib and Web Crypto, hand the payload to the form.
 * One payload is good for one submission, so after each answer from the server a new one is made.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

export class ProofOfWork {
	state = $state<'idle' | 'working' | 'ready' | 'error'>('idle');
	/** The form's `altcha` field: base64 of the challenge and its solution. */
	payload = $state('');
	#run = 0;

	constructor(private readonly challengeUrl: string) {}

	/** Starts work unless some is under way or done. */
	start(): void {
		if (this.state === 'working' || this.state === 'ready') return;
		void this.#solve(++this.#run);
	}

	/** The payload was used: make the next one. */
	renew(): void {
		this.state = 'idle';
		this.payload = '';
		this.start();
	}

	async #solve(run: number) {
		this.state = 'working';
		try {
			const response = await fetch(this.challengeUrl, { cache: 'no-store' });
			if (!response.ok) throw new Error(`challenge ${response.status}`);
			const challenge = (await response.json()) as Challenge;
			const solution = await solveChallenge({ challenge, deriveKey });
			if (run !== this.#run) return;
			if (!solution) throw new Error('not solved');
			const payload = {
				challenge: { parameters: challenge.parameters, signature: challenge.signature },
				solution
			};
			this.payload = btoa(JSON.stringify(payload));
			this.state = 'ready';
		} catch {
			if (run === this.#run) this.state = 'error';
		}
	}
}
