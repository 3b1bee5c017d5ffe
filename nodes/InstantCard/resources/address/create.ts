import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { INSTANTCARD_IDS } from '../../shared/ids';
import { checkEmail, putText, requireText } from '../contact/fields';
import {
	ADDRESS_1,
	ADDRESS_2,
	addressTextProperty,
	CITY,
	COUNTRY,
	LABEL,
	ORGANIZATION_NAME,
	PRIMARY_FIELD,
	putAddressFields,
	putPrimary,
	STATE,
	ZIP_CODE,
} from './fields';

const show = { resource: ['address'], operation: ['create'] };

/** Builds the whole `address[...]` form, checking every value before anything is sent. */
export async function buildCreateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const body: IDataObject = {};
	for (const field of [ADDRESS_1, CITY, ZIP_CODE, COUNTRY]) {
		body[`address[${field.key}]`] = requireText(
			this,
			this.getNodeParameter(field.name, ''),
			field.displayName,
		);
	}
	putAddressFields(body, [ADDRESS_2, STATE], {
		[ADDRESS_2.name]: this.getNodeParameter(ADDRESS_2.name, ''),
		[STATE.name]: this.getNodeParameter(STATE.name, ''),
	});
	const additional = this.getNodeParameter('additionalFields', {}) as IDataObject;
	putAddressFields(body, [LABEL, ORGANIZATION_NAME], additional);
	putPrimary(this, body, additional.primary);

	const contactMode = this.getNodeParameter('contactMode', 'none') as string;
	if (contactMode === 'existing') {
		const contactId = this.getNodeParameter('contactId', '', { extractValue: true });
		body['address[contact_id]'] = String(
			toPositiveInteger(this, contactId, 'Contact ID', INSTANTCARD_IDS.contactId.example),
		);
	} else if (contactMode === 'new') {
		// The address endpoint creates the contact in the same call and links it.
		body['address[contact][full_name]'] = requireText(
			this,
			this.getNodeParameter('contactFullName', ''),
			'Contact Full Name',
		);
		const email = requireText(this, this.getNodeParameter('contactEmail', ''), 'Contact Email');
		body['address[contact][email]'] = checkEmail(this, email, 'Contact Email');
		putText(
			body,
			'address[contact][phone_number]',
			this.getNodeParameter('contactPhoneNumber', ''),
		);
	}
	return body;
}

export const addressCreateDescription: INodeProperties[] = [
	addressTextProperty(ADDRESS_1, { required: true, displayOptions: { show } }),
	addressTextProperty(ADDRESS_2, { displayOptions: { show } }),
	addressTextProperty(CITY, { required: true, displayOptions: { show } }),
	addressTextProperty(STATE, { displayOptions: { show } }),
	addressTextProperty(ZIP_CODE, { required: true, displayOptions: { show } }),
	addressTextProperty(COUNTRY, { required: true, displayOptions: { show } }),
	{
		displayName: 'Contact',
		name: 'contactMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'None', value: 'none', description: 'Save the address without a contact person' },
			{
				name: 'Existing Contact',
				value: 'existing',
				description: 'Link a contact that is already saved',
			},
			{
				name: 'New Contact',
				value: 'new',
				description: 'Create a contact together with the address and link it',
			},
		],
		default: 'none',
		description: 'Who receives the cards at this address',
	},
	/**
	 * A contact to link, not the address's own: Address → Update has its own picker of this name,
	 * shown by its own Contact choice (`contactUpdate`). One property cannot serve both: while
	 * deciding what to keep, n8n reads a choice that is not shown as its default.
	 */
	idLocator({
		name: 'contactId',
		displayName: 'Contact',
		searchListMethod: 'searchContacts',
		show: { ...show, contactMode: ['existing'] },
		description: 'The saved contact to link to this address',
	}),
	{
		displayName: 'Contact Full Name',
		name: 'contactFullName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Ada Lovelace',
		displayOptions: { show: { ...show, contactMode: ['new'] } },
	},
	{
		displayName: 'Contact Email',
		name: 'contactEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		displayOptions: { show: { ...show, contactMode: ['new'] } },
	},
	{
		displayName: 'Contact Phone Number',
		name: 'contactPhoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +1 512 555 0100',
		displayOptions: { show: { ...show, contactMode: ['new'] } },
	},
];

/** The address's options of the one Additional Fields (see `oneCollection`). */
export const addressAdditionalFields: INodeProperties[] = [
	addressTextProperty(LABEL),
	addressTextProperty(ORGANIZATION_NAME),
	PRIMARY_FIELD,
];
