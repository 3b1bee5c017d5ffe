import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withErrorPrefix } from '../../shared/fields';
import { checkEmail, checkPhone, parameterValues, PHONE_FIELD, requiredText } from './contact';

/** The fields of a recipient, without displayOptions: Recipient → Set and Place Order (One Step) show them. */
export const RECIPIENT_VALUES: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Bran',
		description: 'First name of the person who receives the delivery',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Stark',
		description: 'Last name of the person who receives the delivery (Keyline calls it "name")',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'Email address of the person who receives the delivery',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [PHONE_FIELD],
	},
];

/**
 * `{first_name, name, email, phone?}` from the values of RECIPIENT_VALUES, checked before
 * anything is sent. `label` (e.g. "Recipient") goes before each field's name in errors.
 */
export function recipientFromValues(
	context: IExecuteSingleFunctions,
	values: IDataObject,
	label?: string,
): IDataObject {
	return withErrorPrefix(context, label, () => {
		const recipient: IDataObject = {
			first_name: requiredText(context, values.firstName, 'First Name'),
			name: requiredText(context, values.lastName, 'Last Name'),
			email: checkEmail(context, requiredText(context, values.email, 'Email'), 'Email'),
		};
		const additional = (values.additionalFields ?? {}) as IDataObject;
		const phone = checkPhone(context, additional.phone, 'Phone');
		if (phone !== undefined) recipient.phone = phone;
		return recipient;
	});
}

/** `{"recipient": {first_name, name, email, phone?}}`, checked before anything is sent. */
export async function buildRecipientBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	options.body = { recipient: recipientFromValues(this, parameterValues(this, RECIPIENT_VALUES)) };
	return options;
}

const show = { resource: ['recipient'], operation: ['set'] };

export const recipientSetDescription: INodeProperties[] = [
	{
		displayName:
			'Keyline takes a recipient only for a cart that has a customer: set it first with Customer → Set',
		name: 'customerFirstNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	// Its Additional Fields (the phone) are in the node's one Additional Fields.
	...RECIPIENT_VALUES.filter((property) => property.name !== 'additionalFields').map(
		(property) => ({ ...property, displayOptions: { show } }),
	),
];
