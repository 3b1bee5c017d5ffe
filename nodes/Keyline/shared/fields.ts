/** Fields more than one Keyline resource has. */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { refusal } from '../../shared/validation';

/** Keyline keeps at most five custom references on a cart, order or product. */
export const MAX_CUSTOM_REFERENCES = 5;

/**
 * Up to five key/value pairs (e.g. "PO" → 7891234) for data no other field holds, as an option
 * of a collection; `customReferences` turns them into the API's object.
 */
export const customReferencesOption: INodeProperties = {
	displayName: 'Custom References',
	name: 'customReferences',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, maxAllowedFields: MAX_CUSTOM_REFERENCES },
	placeholder: 'Add Reference',
	default: {},
	description:
		'Up to 5 key/value pairs for data that fits no other field, e.g. PO → 7891234 or Cost Center → 4711',
	options: [
		{
			displayName: 'Reference',
			name: 'reference',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'e.g. PO',
					description: 'What the reference is, e.g. PO or Cost Center',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. 7891234',
					description: 'The reference itself, e.g. the purchase order number 7891234',
				},
			],
		},
	],
};

/** Update Fields only: removes every custom reference (sent as null). */
export const clearCustomReferencesOption: INodeProperties = {
	displayName: 'Remove All Custom References',
	name: 'clearCustomReferences',
	type: 'boolean',
	default: true,
	description:
		'Whether to remove every custom reference. To replace them instead, add Custom References: the ones given replace all that were there.',
};

/**
 * The custom references of a collection as Keyline's object, null to remove them all, or
 * undefined when none were added.
 * Refuses more than five, empty or repeated keys, and empty values: Keyline would drop or reject them.
 */
export function customReferences(
	context: IExecuteSingleFunctions,
	collection: IDataObject,
): IDataObject | null | undefined {
	const entries = ((collection.customReferences as IDataObject | undefined)?.reference ??
		[]) as IDataObject[];
	if (collection.clearCustomReferences === true) {
		if (entries.length > 0) {
			throw refusal(
				context,
				'Remove All Custom References and Custom References are both given',
				'Choose one: remove all custom references, or give the ones to keep.',
			);
		}
		return null;
	}
	if (entries.length === 0) return undefined;
	if (entries.length > MAX_CUSTOM_REFERENCES) {
		throw refusal(
			context,
			`Custom References has ${entries.length} entries: Keyline keeps at most ${MAX_CUSTOM_REFERENCES}`,
			'Remove some, or combine them into one value.',
		);
	}
	const result: IDataObject = {};
	for (const [index, entry] of entries.entries()) {
		const key = String(entry.key ?? '').trim();
		const value = entry.value;
		if (!key)
			throw refusal(
				context,
				`Custom References: the key of reference ${index + 1} is empty`,
				'Give every reference a key, e.g. PO.',
			);
		if (key in result)
			throw refusal(
				context,
				`Custom References: the key "${key}" is given twice`,
				'Each key can appear once.',
			);
		if (value === undefined || value === null || String(value).trim() === '') {
			throw refusal(
				context,
				`Custom References: the value of "${key}" is empty`,
				'Fill in a value or remove the reference.',
			);
		}
		result[key] = value as string | number;
	}
	return result;
}

/** A text field's limit, checked before sending (Keyline answers "ist zu lang" otherwise). */
export function checkLength(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	max: number,
): void {
	if (typeof value === 'string' && value.length > max) {
		throw refusal(
			context,
			`${label} is ${value.length} characters long: Keyline takes at most ${max}`,
			`Shorten ${label} to ${max} characters.`,
		);
	}
}

/**
 * Runs `build` with `prefix` put before the message of any NodeOperationError it throws, e.g.
 * "Billing Address: Zip Code is empty" or "Product 2, variant 1: Circulation is empty": for
 * fields that appear more than once in one node, so the error says which ones.
 */
export function withErrorPrefix<T>(
	context: IExecuteSingleFunctions,
	prefix: string | undefined,
	build: () => T,
): T {
	if (!prefix) return build();
	try {
		return build();
	} catch (error) {
		// Only the node's own refusals are reworded; anything else goes on as it is.
		throw error instanceof NodeOperationError
			? new NodeOperationError(context.getNode(), `${prefix}: ${error.message}`, {
					itemIndex: context.getItemIndex(),
					description: error.description ?? undefined,
				})
			: error;
	}
}
