import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { byDisplayName } from '../../../shared/sort';
import { requireChanges, toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { INSTANTCARD_IDS } from '../../shared/ids';
import { fieldOption, putFormFields } from '../contact/fields';
import { ADDRESS_EXTRAS, ADDRESS_LINES, PRIMARY_FIELD, putPrimary } from './fields';

const show = { resource: ['address'], operation: ['update'] };
/** Every text field of a saved address, in the order Update Fields lists them. */
const TEXT_FIELDS = [...ADDRESS_LINES, ...ADDRESS_EXTRAS].sort(byDisplayName);

/** Only the fields the user set go out: a PATCH leaves the others as they are. */
export async function buildUpdateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const body: IDataObject = {};
	const updateFields = this.getNodeParameter('updateFields', {}) as IDataObject;
	putFormFields(this, body, 'address', TEXT_FIELDS, (field) => updateFields[field.name]);
	putPrimary(this, body, updateFields.primary);
	if (this.getNodeParameter('contactUpdate', 'keep') === 'existing') {
		const contactId = this.getNodeParameter('contactId', '', { extractValue: true });
		body['address[contact_id]'] = String(
			toPositiveInteger(this, contactId, 'Linked Contact ID', INSTANTCARD_IDS.contactId.example),
		);
	}
	requireChanges(
		this,
		body,
		'Add at least one field under Update Fields, or choose another contact to link.',
	);
	return body;
}

export const addressUpdateDescription: INodeProperties[] = [
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
	// A contact to link: see Address → Create's picker of the same name.
	idLocator({
		name: 'contactId',
		displayName: 'Linked Contact',
		searchListMethod: 'searchContacts',
		show: { ...show, contactUpdate: ['existing'] },
		description:
			'The saved contact to link to this address instead. Contact → Create and Contact → Get Many give its ID.',
	}),
];

/** The address's options of the one Update Fields (see `oneCollection`). */
export const addressUpdateFields: INodeProperties[] = [
	...TEXT_FIELDS.map(fieldOption),
	PRIMARY_FIELD,
];
