/**
 * One description of Keyline's Address, for billing and delivery addresses of carts and orders:
 * which address (type, cart or order, ID), its fields, and the body they make.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { withErrorPrefix } from '../../shared/fields';
import type { PathChoice } from '../../../shared/route';
import type { About } from '../../shared/refusals';
import {
	checkEmail,
	checkPhone,
	parameterValues,
	PHONE_FIELD,
	requiredText,
	text,
} from '../recipient/contact';
import { COUNTRY_CODE_MIXUPS, COUNTRY_CODES } from './countries';

export type AddressType = 'billing' | 'delivery';

type Show = Record<string, string[]>;

const addressType = (context: IExecuteSingleFunctions): AddressType =>
	context.getNodeParameter('addressType', 'delivery') === 'billing' ? 'billing' : 'delivery';

/**
 * The endpoint of this item. Billing addresses exist on carts only: their path has no `{parent}`,
 * and Belongs To is not even shown for them.
 */
export const ADDRESS_PATH: PathChoice = {
	parameter: 'addressType',
	paths: { billing: '/carts/{cartId}/billing_address', delivery: '{parent}/delivery_address' },
};

export function aboutAddress(context: IExecuteSingleFunctions): About {
	return { what: `${addressType(context)} address`, setWith: 'Address → Set' };
}

/** The fields of an Address, without displayOptions: Address → Set and Place Order (One Step) show them. */
export const ADDRESS_VALUES: INodeProperties[] = [
	{
		displayName: 'Addressee',
		name: 'addressee',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. Crispy Mountain GmbH\nAccounts Payable',
		description:
			'Who the address is for: company, department, person, c/o. One line each, printed as given.',
	},
	{
		displayName: 'Street',
		name: 'street',
		type: 'string',
		default: '',
		placeholder: 'e.g. Emmerich-Josef-Str.',
		description: 'Street name, without the house number. Leave empty where addresses have none.',
	},
	{
		displayName: 'House Number',
		name: 'number',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1a',
		description: 'House number, with any letter after it, e.g. 1a',
	},
	{
		displayName: 'Addition',
		name: 'addition',
		type: 'string',
		default: '',
		placeholder: 'e.g. Hinterhaus',
		description: 'An extra line shown below the street, e.g. building, floor or back house',
	},
	{
		displayName: 'Zip Code',
		name: 'zipCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 55116',
		description: 'Postal code. Kept as text, so leading zeros stay.',
	},
	{
		displayName: 'Town',
		name: 'town',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Mainz',
		description: 'Town or city of the address, e.g. Mainz',
	},
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DE',
		description:
			'Two-letter ISO 3166-1 code of the country, e.g. DE (Germany), AT (Austria), CH (Switzerland), GB (United Kingdom)',
	},
];

/** Delivery addresses only: whom the carrier can reach. */
export const DELIVERY_CONTACT: INodeProperties = {
	displayName: 'Delivery Contact',
	name: 'deliveryContact',
	type: 'collection',
	placeholder: 'Add Contact Detail',
	default: {},
	description: 'Whom the carrier can call or write about the delivery',
	options: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'name@email.com',
			description: 'Email address of the person receiving the delivery',
		},
		PHONE_FIELD,
	],
};

/** The fields of an Address, for Set; the delivery contact only for delivery addresses. */
export function addressFields(show: Show): INodeProperties[] {
	return [
		...ADDRESS_VALUES.map((property) => ({ ...property, displayOptions: { show } })),
		{ ...DELIVERY_CONTACT, displayOptions: { show: { ...show, addressType: ['delivery'] } } },
	];
}

/** Two letters of ISO 3166-1, in capitals; says which code to use for the usual mix-ups. */
export function checkCountryCode(context: IExecuteSingleFunctions, value: unknown): string {
	const given = requiredText(context, value, 'Country Code');
	const code = given.toUpperCase();
	if (COUNTRY_CODES.has(code)) return code;
	const mixup = COUNTRY_CODE_MIXUPS[code];
	throw new NodeOperationError(
		context.getNode(),
		`Country Code "${given.slice(0, 40)}" is not a two-letter ISO 3166-1 country code`,
		{
			itemIndex: context.getItemIndex(),
			description: mixup
				? `Use ${mixup}.`
				: 'Use the two-letter code, e.g. DE for Germany, AT for Austria, CH for Switzerland, GB for the United Kingdom.',
		},
	);
}

/**
 * The Address object of a body from the values of ADDRESS_VALUES (and DELIVERY_CONTACT for a
 * delivery address), checked before anything is sent; empty optional fields are left out.
 * `label` (e.g. "Billing Address") goes before each field's name in errors.
 */
export function addressFromValues(
	context: IExecuteSingleFunctions,
	values: IDataObject,
	{ delivery, label }: { delivery: boolean; label?: string },
): IDataObject {
	return withErrorPrefix(context, label, () => {
		const address: IDataObject = {
			addressee: requiredText(context, values.addressee, 'Addressee'),
		};
		for (const key of ['street', 'number', 'addition']) {
			const given = text(values[key]);
			if (given !== undefined) address[key] = given;
		}
		address.zip_code = requiredText(context, values.zipCode, 'Zip Code');
		address.town = requiredText(context, values.town, 'Town');
		address.country_code = checkCountryCode(context, values.countryCode);
		if (delivery) {
			const contact = (values.deliveryContact ?? {}) as IDataObject;
			const phone = checkPhone(context, contact.phone, 'Delivery Contact Phone');
			const email = checkEmail(context, contact.email, 'Delivery Contact Email');
			if (phone !== undefined) address.delivery_contact_phone = phone;
			if (email !== undefined) address.delivery_contact_email = email;
		}
		return address;
	});
}

/** The Address object of Address → Set's body, from its fields. */
export function addressBody(context: IExecuteSingleFunctions): IDataObject {
	const delivery = addressType(context) === 'delivery';
	const fields = delivery ? [...ADDRESS_VALUES, DELIVERY_CONTACT] : ADDRESS_VALUES;
	return addressFromValues(context, parameterValues(context, fields), { delivery });
}
