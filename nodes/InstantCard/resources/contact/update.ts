import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireChanges } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { checkEmail, putText } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

/** Only the fields the user set go out: a PATCH leaves the others as they are. */
async function buildUpdateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = {};
	putText(body, 'contact[full_name]', fields.fullName);
	putText(body, 'contact[email]', checkEmail(this, fields.email, 'Email'));
	putText(body, 'contact[phone_number]', fields.phoneNumber);
	putText(body, 'contact[alt_email]', checkEmail(this, fields.altEmail, 'Alternative Email'));
	putText(body, 'contact[alt_phone_number]', fields.altPhoneNumber);
	requireChanges(this, body, 'Add at least one field under Update Fields.');
	options.body = body;
	return options;
}

const contactLocator = idLocator({
	name: 'contactId',
	displayName: 'Contact',
	searchListMethod: 'searchContacts',
	show,
	path: '/contacts/{{ $value }}',
	preSend: [buildUpdateBody],
});

export const contactUpdateDescription: INodeProperties[] = [
	contactLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
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
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
			},
			{
				displayName: 'Full Name',
				name: 'fullName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Ada Lovelace',
			},
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. +1 512 555 0100',
			},
		],
	},
];
