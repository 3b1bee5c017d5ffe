import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { idField } from '../../shared/ids';
import { checkEmail, checkPhone, PHONE_FIELD, requiredText } from './contact';

/** `{"recipient": {first_name, name, email, phone?}}`, checked before anything is sent. */
export async function buildRecipientBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const additional = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const recipient: IDataObject = {
		first_name: requiredText(this, this.getNodeParameter('firstName', ''), 'First Name'),
		name: requiredText(this, this.getNodeParameter('lastName', ''), 'Last Name'),
		email: checkEmail(
			this,
			requiredText(this, this.getNodeParameter('email', ''), 'Email'),
			'Email',
		),
	};
	const phone = checkPhone(this, additional.phone, 'Phone');
	if (phone !== undefined) recipient.phone = phone;
	options.body = { recipient };
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
	idField('cartId', show),
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Bran',
		description: 'First name of the person who receives the delivery',
		displayOptions: { show },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Stark',
		description: 'Last name of the person who receives the delivery (Keyline calls it "name")',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'Email address of the person who receives the delivery',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [PHONE_FIELD],
	},
];
