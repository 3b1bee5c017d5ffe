import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { requireChanges } from '../../../shared/validation';
import { checkEmail, putText } from './fields';

/** Only the fields the user set go out: a PATCH leaves the others as they are. */
export async function buildUpdateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = {};
	putText(body, 'contact[full_name]', fields.fullName);
	putText(body, 'contact[email]', checkEmail(this, fields.email, 'Email'));
	putText(body, 'contact[phone_number]', fields.phoneNumber);
	putText(body, 'contact[alt_email]', checkEmail(this, fields.altEmail, 'Alternative Email'));
	putText(body, 'contact[alt_phone_number]', fields.altPhoneNumber);
	requireChanges(this, body, 'Add at least one field under Update Fields.');
	return body;
}

/** The contact's options of the one Update Fields (see `oneCollection`). */
export const contactUpdateFields: INodeProperties[] = [
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
];
