/**
 * Text, email and phone checks the recipient and the delivery contact share. Keyline answers
 * "ist nicht gültig" or "hat ein ungültiges Format" otherwise, after the request.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { refusal } from '../../../shared/validation';

/** The phone of a recipient or a delivery contact, in the form Keyline takes. */
export const PHONE_FIELD: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '',
	placeholder: 'e.g. +4961316171000',
	description:
		'Phone number with + and the country code, e.g. +4961316171000. Spaces, dashes and slashes between the digits are taken out.',
};

/**
 * The node's top-level parameters named by `fields`, as one object: what a resource's
 * `…FromValues` builder takes, like the values of a fixedCollection entry.
 */
export function parameterValues(
	context: IExecuteSingleFunctions,
	fields: INodeProperties[],
): IDataObject {
	const values: IDataObject = {};
	for (const field of fields)
		values[field.name] = context.getNodeParameter(field.name, field.default);
	return values;
}

/** Something@domain.tld, no spaces: what Keyline accepts. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** + and the country code, then the number: Keyline's example is +4961316171000. */
const PHONE = /^\+[1-9]\d{5,14}$/;

/** Spaces, dashes, slashes and dots people write between digit groups. */
const PHONE_SEPARATORS = /[\s./-]/g;

/** The text of a field, trimmed; undefined when blank. */
export function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}

/** A required text field, trimmed; names the field when it is empty. */
export function requiredText(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string {
	const given = text(value);
	if (given === undefined) {
		throw refusal(
			context,
			`${label} is empty`,
			`Enter the ${label}, or map it from a previous node.`,
		);
	}
	return given;
}

/** An email address (when given), trimmed; names the field when it is malformed. */
export function checkEmail(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string | undefined {
	const given = text(value);
	if (given !== undefined && !EMAIL.test(given)) {
		throw refusal(
			context,
			`${label} is not a valid email address: "${given.slice(0, 80)}"`,
			'Use the form name@example.com, without spaces.',
		);
	}
	return given;
}

/**
 * A phone number (when given) in the form Keyline takes, +4961316171000: the separators people
 * write between digit groups are taken out; anything else that is not + and digits is refused.
 */
export function checkPhone(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string | undefined {
	const given = text(value);
	if (given === undefined) return undefined;
	const compact = given.replace(PHONE_SEPARATORS, '');
	if (PHONE.test(compact)) return compact;
	const shown = given.slice(0, 40);
	const description = /^0/.test(compact)
		? 'Start with + and the country code instead of 0 or 00, e.g. +49 6131 6171000 for 06131 6171000 in Germany.'
		: 'Write it as + with the country code and the number, e.g. +4961316171000 (spaces, dashes and slashes between the digits are fine).';
	throw refusal(
		context,
		`${label} "${shown}" is not in the form Keyline takes, like +4961316171000`,
		description,
	);
}
