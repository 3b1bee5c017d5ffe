/**
 * Counts the expressions n8n-workflow resolves while `run` runs, by wrapping the one method every
 * parameter expression goes through. For the tests and the bench of what a node costs per item.
 */
import { Expression } from 'n8n-workflow';

export interface Evaluations<T> {
	result: T;
	/** Every expression resolved (`=…`). */
	all: number;
	/** Of those, the ones exactly `expression`. */
	matching: number;
}

export async function countEvaluations<T>(
	run: () => Promise<T>,
	expression: string,
): Promise<Evaluations<T>> {
	const proto = Expression.prototype as unknown as {
		resolveSimpleParameterValue: (value: unknown, ...rest: unknown[]) => unknown;
	};
	const original = proto.resolveSimpleParameterValue;
	let all = 0;
	let matching = 0;
	proto.resolveSimpleParameterValue = function (value: unknown, ...rest: unknown[]) {
		if (typeof value === 'string' && value.startsWith('=')) {
			all++;
			if (value === expression) matching++;
		}
		return original.call(this, value, ...rest);
	};
	try {
		return { result: await run(), all, matching };
	} finally {
		proto.resolveSimpleParameterValue = original;
	}
}
