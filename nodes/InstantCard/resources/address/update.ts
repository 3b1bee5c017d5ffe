import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { byDisplayName } from '../../../shared/sort';
import { requireChanges, toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
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

const show = { resource: ['address'], operation: ['update'] };
const TEXT_FIELDS = [
	ADDRESS_1,
	ADDRESS_2,
	CITY,
	COUNTRY,
	LABEL,
	ORGANIZATION_NAME,
	STATE,
	ZIP_CODE,
];

/** Only the fields the user set go out: a PATCH leaves the others as they are. */
async function buildUpdateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const body: IDataObject = {};
	const updateFields = this.getNodeParameter('updateFields', {}) as IDataObject;
	putAddressFields(body, TEXT_FIELDS, updateFields);
	putPrimary(this, body, updateFields.primary);
	if (this.getNodeParameter('contactUpdate', 'keep') === 'existing') {
		const contactId = this.getNodeParameter('contactId', '', { extractValue: true });
		body['address[contact_id]'] = String(toPositiveInteger(this, contactId, 'Linked Contact ID'));
	}
	requireChanges(
		this,
		body,
		'Add at least one field under Update Fields, or choose another contact to link.',
	);
	options.body = body;
	return options;
}

const addressLocator = idLocator({
	name: 'addressId',
	displayName: 'Address',
	searchListMethod: 'searchAddresses',
	show,
	path: '/addresses/{{ $value }}',
	preSend: [buildUpdateBody],
});

export const addressUpdateDescription: INodeProperties[] = [
	addressLocator,
	{
		displayName: 'Contact',
		name: 'contactUpdate',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Keep As Is', value: 'keep', description: 'Leave the linked contact unchanged' },
			{
				name: 'Link Another Contact',
				value: 'existing',
				description: 'Link a saved contact instead of the current one',
			},
		],
		default: 'keep',
	},
	idLocator({
		name: 'contactId',
		displayName: 'Linked Contact',
		searchListMethod: 'searchContacts',
		show: { ...show, contactUpdate: ['existing'] },
		description: 'The saved contact to link to this address instead',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [...TEXT_FIELDS.map((field) => addressTextProperty(field)), PRIMARY_FIELD].sort(
			byDisplayName,
		),
	},
];
