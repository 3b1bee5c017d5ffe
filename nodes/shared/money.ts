/**
 * Calls that spend money (submitting a print job, adding funds, checking out a cart).
 *
 * Such a call is sent at most once per item and attempt, never by our own retry. When it fails
 * without a clear answer (no answer within the time bound, a dropped connection, a 5xx), it may
 * or may not have gone through: the state is read back where the API allows it, and the item
 * ends as one of three outcomes, never a guess:
 * - done: the output is the same as for a success;
 * - not done (checked): an error saying so, safe to try again;
 * - unknown: an error saying what to check before trying again.
 *
 * n8n's Retry On Fail runs the node again with the same input items. Each item remembers its
 * money calls of this node run (keyed by the item object, which a retry hands over unchanged):
 * a call that went through is not sent again (its output is given again), and a call whose
 * outcome was unknown is checked first and sent only when the check says it did not happen.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';

import { answerUnknown, asFinal, asNodeError, type ApiProfile } from './errors';
import { scrub } from './secrets';

export type MoneyCheck<T> = () => Promise<
	{ done: true; output: T } | { done: false; state: string }
>;

export interface MoneyCall<T> {
	api: ApiProfile;
	/** Names the call in messages: "Submitting print job #81001". */
	action: string;
	/** Where a user looks when the outcome cannot be read: "the job's status (Print Job → Get …)". */
	howToCheck: string;
	send: () => Promise<T>;
	/** Reads whether the call went through; throws when the state cannot be read. */
	check: MoneyCheck<T>;
}

type Remembered =
	| { state: 'done'; output: unknown }
	| { state: 'unknown' }
	| { state: 'created'; id: string };

/** Errors that state an outcome (not done, checked; unknown). */
const outcomes = new WeakSet<Error>();
const outcome = (error: NodeApiError) => {
	outcomes.add(error);
	return asFinal(error);
};

/** Per input item: its money calls in this node run, by what they are about. */
const attempts = new WeakMap<object, Map<string, Remembered>>();

function memoryOf(context: IExecuteSingleFunctions): Map<string, Remembered> {
	const item = context.getInputData() as object;
	let memory = attempts.get(item);
	if (!memory) {
		memory = new Map();
		attempts.set(item, memory);
	}
	return memory;
}

function unknownOutcome(
	context: IExecuteSingleFunctions,
	call: MoneyCall<unknown>,
	cause: string,
	checkFailure: string,
): NodeApiError {
	return outcome(
		new NodeApiError(context.getNode(), { message: cause } as JsonObject, {
			message: `${call.action}: the outcome is unknown (${cause})`,
			description: scrub(
				`The request may or may not have gone through, and reading the state back failed (${checkFailure}). Before trying again, check ${call.howToCheck}. With Retry On Fail on, a retry checks this first and sends nothing while the outcome is unknown.`,
			),
			itemIndex: context.getItemIndex(),
		}),
	);
}

const textOf = (error: unknown) => String((error as Error)?.message ?? error);

/**
 * Sends `call` once for this item (see above). `about` names what is paid for, e.g.
 * `printJob:81001:submit`; a retry of the same item and `about` is recognised by it.
 */
export async function spendOnce<T>(
	context: IExecuteSingleFunctions,
	about: string,
	call: MoneyCall<T>,
): Promise<T> {
	const memory = memoryOf(context);
	const earlier = memory.get(about);
	if (earlier?.state === 'done') return earlier.output as T;
	if (earlier?.state === 'unknown') {
		let checked: Awaited<ReturnType<MoneyCheck<T>>>;
		try {
			checked = await call.check();
		} catch (error) {
			throw unknownOutcome(context, call, 'an earlier attempt got no clear answer', textOf(error));
		}
		if (checked.done) {
			memory.set(about, { state: 'done', output: checked.output });
			return checked.output;
		}
		memory.delete(about); // checked: it did not happen, so it may be sent
	}

	let output: T;
	try {
		output = await call.send();
	} catch (error) {
		// A clear no (the API refused, or nothing was sent): nothing to read back.
		if (error instanceof NodeOperationError || !answerUnknown(error))
			throw asNodeError(context, error);
		memory.set(about, { state: 'unknown' });
		let checked: Awaited<ReturnType<MoneyCheck<T>>>;
		try {
			checked = await call.check();
		} catch (checkError) {
			throw unknownOutcome(context, call, textOf(error), textOf(checkError));
		}
		if (checked.done) {
			memory.set(about, { state: 'done', output: checked.output });
			return checked.output;
		}
		memory.delete(about);
		const failed = error as { description?: string | null; httpCode?: string | null };
		throw outcome(
			new NodeApiError(context.getNode(), { message: textOf(error) } as JsonObject, {
				message: `${call.action} failed, and it did not happen (checked): ${textOf(error)}`,
				httpCode: failed.httpCode ?? undefined,
				description: scrub(
					`${failed.description ? `${failed.description} ` : ''}Reading the state back showed ${checked.state}: nothing was charged. It is safe to try again.`,
				),
				itemIndex: context.getItemIndex(),
			}),
		);
	}
	memory.set(about, { state: 'done', output });
	return output;
}

/**
 * Notes what an item created on the way to a money call (the print job Submit After Creating
 * submits), so that a retry of the node (Retry On Fail) goes on with it instead of creating
 * another one and paying for both.
 */
export function noteCreated(context: IExecuteSingleFunctions, about: string, id: string): void {
	memoryOf(context).set(about, { state: 'created', id });
}

/** What an earlier attempt of this node run created for this item (see `noteCreated`). */
export function createdEarlier(
	context: IExecuteSingleFunctions,
	about: string,
): string | undefined {
	const earlier = memoryOf(context).get(about);
	return earlier?.state === 'created' ? earlier.id : undefined;
}

/** Errors `spendOnce` built (an outcome said plainly), as opposed to the API's own refusal. */
export function isMoneyOutcome(error: unknown): boolean {
	return outcomes.has(error as Error);
}
