import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

/** A plain object (not an array, not null): what JSON records and answers are checked with. */
export const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A refusal of the user's input for this item, with what to do about it. */
export function refusal(
	context: Pick<IExecuteSingleFunctions, 'getNode' | 'getItemIndex'>,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description,
	});
}

/** A positive whole number, from a number or a numeric string (expressions give either). */
export function toPositiveInteger(
	context: Pick<IExecuteSingleFunctions, 'getNode'> &
		Partial<Pick<IExecuteSingleFunctions, 'getItemIndex'>>,
	value: unknown,
	label: string,
	example: string,
): number {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
		throw new NodeOperationError(
			context.getNode(),
			text === ''
				? `${label} is empty`
				: `${label} must be a positive whole number, not "${text.slice(0, 60)}"`,
			{
				itemIndex: context.getItemIndex?.(),
				description: `Enter the ${label} as digits only, e.g. ${example}, or map it from a previous node.`,
			},
		);
	}
	return Number(text);
}

/**
 * A whole number from `min` (to `max`), from a number or digits in a string: what a number
 * field's own bounds ask, checked again because an expression is not held to them. Text such as
 * "0x10" or "1e3", which JavaScript would read as a number, is refused.
 */
export function toWholeNumber(
	context: Pick<IExecuteSingleFunctions, 'getNode'> &
		Partial<Pick<IExecuteSingleFunctions, 'getItemIndex'>>,
	value: unknown,
	field: { label: string; min: number; max?: number; description: string },
): number {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	const number = Number(text);
	const inRange = number >= field.min && (field.max === undefined || number <= field.max);
	if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(number) || !inRange) {
		const range =
			field.max === undefined ? `of ${field.min} or more` : `from ${field.min} to ${field.max}`;
		throw new NodeOperationError(
			context.getNode(),
			text === ''
				? `${field.label} is empty`
				: `${field.label} must be a whole number ${range}, not "${text.slice(0, 60)}"`,
			{ itemIndex: context.getItemIndex?.(), description: field.description },
		);
	}
	return number;
}

/**
 * The operation's Limit, or Infinity when Return All is on. n8n's own check (at least 1) is
 * only the editor's: a Limit from an expression may be 0, negative, a fraction or a word, which
 * would return nothing, drop the last item or page forever.
 */
export function readLimit(context: IExecuteSingleFunctions): number {
	if (context.getNodeParameter('returnAll', false) === true) return Infinity;
	return toWholeNumber(context, context.getNodeParameter('limit', 50), {
		label: 'Limit',
		min: 1,
		description: 'Enter how many results to return, e.g. 50, or turn on Return All.',
	});
}

/** Parses a JSON parameter, naming the field when it is not valid JSON. */
export function parseJsonParameter(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
): unknown {
	const raw = context.getNodeParameter(name, '') as unknown;
	if (typeof raw !== 'string') return raw; // an expression may already give an object
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `${label} is not valid JSON`, {
			itemIndex: context.getItemIndex(),
			description: `${(error as Error).message}. Check quotes and commas, or switch the field to an expression.`,
		});
	}
}

/** An update that would change nothing is refused before sending; `hint` says what to fill in. */
export function requireChanges(context: IExecuteSingleFunctions, body: object, hint: string): void {
	if (Object.keys(body).length > 0) return;
	throw new NodeOperationError(context.getNode(), 'Nothing to update', {
		itemIndex: context.getItemIndex(),
		description: hint,
	});
}
