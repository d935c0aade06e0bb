/**
 * An announcement inside this process: services announce, the collab server listens. Listeners live
 * on globalThis under a named symbol, so a second copy of the announcing module (Vite's dev graph
 * next to server/) still reaches the same collab server.
 */
export interface ProcessChannel<T> {
	/** Subscribes; returns the unsubscribe function. */
	on(listener: (event: T) => void): () => void;
	emit(event: T): void;
}

export function processChannel<T>(name: string): ProcessChannel<T> {
	const key = Symbol.for(`lantu.${name}`);
	const holder = globalThis as { [key]?: Set<(event: T) => void> };
	const listeners = () => (holder[key] ??= new Set());
	return {
		on(listener) {
			listeners().add(listener);
			return () => listeners().delete(listener);
		},
		emit(event) {
			for (const listener of listeners()) listener(event);
		}
	};
}
