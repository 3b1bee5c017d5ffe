import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { checkEmail, putText, requireText } from './fields';

const show = { resource: ['contact'], operation: ['create'] };

/** Builds the `contact[...]` form; the email addresses are checked before anything is sent. */
export async function buildCreateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const body: IDataObject = {
		'contact[full_name]': requireText(this, this.getNodeParameter('fullName', ''), 'Full Name'),
		'contact[email]': checkEmail(
			this,
			requireText(this, this.getNodeParameter('email', ''), 'Email'),
			'Email',
		),
	};
	putText(body, 'contact[phone_number]', this.getNodeParameter('phoneNumber', ''));
	const additional = this.getNodeParameter('additionalFields', {}) as IDataObject;
	putText(body, 'contact[alt_email]', checkEmail(this, additional.altEmail, 'Alternative Email'));
	putText(body, 'contact[alt_phone_number]', additional.altPhoneNumber);
	return body;
}

export const contactCreateDescription: INodeProperties[] = [
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Ada Lovelace',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		displayOptions: { show },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +1 512 555 0100',
		displayOptions: { show },
	},
];

/** The contact's options of the one Additional Fields (see `oneCollection`). */
export const contactAdditionalFields: INodeProperties[] = [
	{
		displayName: 'Alternative Email',
		name: 'altEmail',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
	},
	{
		displayName: 'Alternative Phone Number',
		name: 'altPhoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +1 512 555 0101',
	},
];
