/** The variant's fields and its `variant` body, shared by Create and Update. */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { nameValue, wholeNumber } from '../product/checks';
import { refusal } from '../../../shared/validation';

export const VARIANT_NAME: Omit<INodeProperties, 'displayOptions'> = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Englisch',
	description:
		'What tells this variant apart, e.g. a language. Up to 200 characters, unique within the product.',
};

export const VARIANT_CIRCULATION: Omit<INodeProperties, 'displayOptions'> = {
	displayName: 'Circulation',
	name: 'circulation',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 1000,
	description: 'How many copies of this variant to print',
};

/** Name and Circulation of a new variant: Create and Place Order (One Step) show them. */
export const NEW_VARIANT_VALUES: INodeProperties[] = [
	{
		...VARIANT_NAME,
		description: `${VARIANT_NAME.description} Leave empty to let Keyline name it.`,
	},
	{ ...VARIANT_CIRCULATION, required: true },
];

/** `{ name?, circulation? }` with each value checked; names are refused empty or over 200. */
export function variantBody(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const variant: IDataObject = {};
	if (fields.name !== undefined) variant.name = nameValue(context, fields.name, 'Name');
	if (fields.circulation !== undefined) {
		variant.circulation = wholeNumber(context, fields.circulation, 'Circulation', '1000');
	}
	return variant;
}

/**
 * The body of a new variant: Circulation is required; a Name left empty is not sent, so Keyline
 * names the variant, unless `nameMapped` says the name came from an expression: one that gave
 * nothing is refused, so a mapping gone wrong does not create an unnamed variant.
 */
export function newVariantBody(
	context: IExecuteSingleFunctions,
	values: IDataObject,
	nameMapped: boolean,
): IDataObject {
	const fields: IDataObject = { circulation: values.circulation ?? '' };
	if (String(values.name ?? '').trim() !== '') fields.name = values.name;
	else if (nameMapped) {
		throw refusal(
			context,
			'Name is empty: its expression gave no value',
			'Check the expression and the input item, or clear the field to let Keyline name the variant.',
		);
	}
	return variantBody(context, fields);
}
