/**
 * The fields of a saved address and their form keys. Saved addresses spell `address1`/`address2`
 * without underscore (unlike a print job's one-off `address_1`), and the API refuses keys it does
 * not know, so only these keys are ever sent.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { putText } from '../contact/fields';

export interface AddressTextField {
	/** Parameter name in the node. */
	name: string;
	displayName: string;
	/** Key inside `address[...]`. */
	key: string;
	placeholder: string;
	description?: string;
}

export const ADDRESS_1: AddressTextField = {
	name: 'address1',
	displayName: 'Address 1',
	key: 'address1',
	placeholder: 'e.g. 1200 Congress Ave',
	description: 'Street and house number',
};
export const ADDRESS_2: AddressTextField = {
	name: 'address2',
	displayName: 'Address 2',
	key: 'address2',
	placeholder: 'e.g. Suite 400',
	description: 'Suite, floor or apartment, if any',
};
export const CITY: AddressTextField = {
	name: 'city',
	displayName: 'City',
	key: 'city',
	placeholder: 'e.g. Austin',
};
export const STATE: AddressTextField = {
	name: 'state',
	displayName: 'State',
	key: 'state',
	placeholder: 'e.g. TX',
	description: 'State, province or region',
};
export const ZIP_CODE: AddressTextField = {
	name: 'zipCode',
	displayName: 'Zip Code',
	key: 'zip_code',
	placeholder: 'e.g. 78701',
	description: 'Postal code. Kept as text, so leading zeros stay.',
};
export const COUNTRY: AddressTextField = {
	name: 'country',
	displayName: 'Country',
	key: 'country',
	placeholder: 'e.g. US',
};
export const LABEL: AddressTextField = {
	name: 'label',
	displayName: 'Label',
	key: 'label',
	placeholder: 'e.g. Head office',
	description: 'A short name to recognize the address by in lists',
};
export const ORGANIZATION_NAME: AddressTextField = {
	name: 'organizationName',
	displayName: 'Organization Name',
	key: 'organization_name',
	placeholder: 'e.g. Acme Inc.',
	description: 'Company or organization the cards are shipped to',
};

export const PRIMARY_FIELD: INodeProperties = {
	displayName: 'Primary',
	name: 'primary',
	type: 'boolean',
	default: false,
	description:
		"Whether this is the organization's main shipping address (only one address is primary)",
};

/** A text parameter for one address field. */
export function addressTextProperty(
	field: AddressTextField,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		placeholder: field.placeholder,
		...(field.description ? { description: field.description } : {}),
		...extra,
	};
}

/** `address[<key>]` for each text field that has a value in `values`. */
export function putAddressFields(
	body: IDataObject,
	fields: AddressTextField[],
	values: IDataObject,
): void {
	for (const field of fields) putText(body, `address[${field.key}]`, values[field.name]);
}

/** `address[primary]` as Rails reads booleans; an expression may give a boolean or its text. */
export function putPrimary(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	value: unknown,
): void {
	if (value === undefined || value === null || value === '') return;
	const text = String(value).trim().toLowerCase();
	if (text !== 'true' && text !== 'false') {
		throw new NodeOperationError(
			context.getNode(),
			`Primary must be true or false, not "${String(value).slice(0, 40)}"`,
			{
				itemIndex: context.getItemIndex(),
			},
		);
	}
	body['address[primary]'] = text;
}
