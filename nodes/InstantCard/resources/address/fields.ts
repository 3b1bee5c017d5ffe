/**
 * The fields of a saved address and their form keys. Saved addresses spell `address1`/`address2`
 * without underscore (unlike a print job's one-off `address_1`), and the API refuses keys it does
 * not know, so only these keys are ever sent.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { FormField } from '../contact/fields';

const ADDRESS_1: FormField = {
	name: 'address1',
	displayName: 'Address 1',
	key: 'address1',
	placeholder: 'e.g. 1200 Congress Ave',
	description: 'Street and house number',
	required: true,
};
const ADDRESS_2: FormField = {
	name: 'address2',
	displayName: 'Address 2',
	key: 'address2',
	placeholder: 'e.g. Suite 400',
	description: 'Suite, floor or apartment, if any',
};
const CITY: FormField = {
	name: 'city',
	displayName: 'City',
	key: 'city',
	placeholder: 'e.g. Austin',
	description: 'City or town of the address, e.g. Austin',
	required: true,
};
const STATE: FormField = {
	name: 'state',
	displayName: 'State',
	key: 'state',
	placeholder: 'e.g. TX',
	description: 'State, province or region',
};
const ZIP_CODE: FormField = {
	name: 'zipCode',
	displayName: 'Zip Code',
	key: 'zip_code',
	placeholder: 'e.g. 78701',
	description: 'Postal code. Kept as text, so leading zeros stay.',
	required: true,
};
const COUNTRY: FormField = {
	name: 'country',
	displayName: 'Country',
	key: 'country',
	placeholder: 'e.g. US',
	description: 'Country of the address, e.g. US',
	required: true,
};
const LABEL: FormField = {
	name: 'label',
	displayName: 'Label',
	key: 'label',
	placeholder: 'e.g. Head office',
	description: 'A short name to recognize the address by in lists',
};
const ORGANIZATION_NAME: FormField = {
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

/** The address itself, in the order Create shows it. */
export const ADDRESS_LINES: FormField[] = [ADDRESS_1, ADDRESS_2, CITY, STATE, ZIP_CODE, COUNTRY];
/** The rest of a saved address's text: Additional Fields on Create. */
export const ADDRESS_EXTRAS: FormField[] = [LABEL, ORGANIZATION_NAME];

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
