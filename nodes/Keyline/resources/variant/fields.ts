/** The variant's fields and its `variant` body, shared by Create and Update. */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { nameValue, wholeNumber } from '../product/checks';

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

/** `{ name?, circulation? }` with each value checked; names are refused empty or over 200. */
export function variantBody(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const variant: IDataObject = {};
	if (fields.name !== undefined) variant.name = nameValue(context, fields.name, 'Name');
	if (fields.circulation !== undefined) {
		variant.circulation = wholeNumber(context, fields.circulation, 'Circulation', '1000');
	}
	return variant;
}
