import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { INSTANTCARD_IDS } from '../../shared/ids';
import {
	createParameter,
	fieldOption,
	type FormField,
	NEW_CONTACT_FIELDS,
	putFormFields,
} from '../contact/fields';
import { ADDRESS_EXTRAS, ADDRESS_LINES, PRIMARY_FIELD, putPrimary } from './fields';

const show = { resource: ['address'], operation: ['create'] };

/** A new contact's fields as Address → Create asks for them: Contact Full Name (`contactFullName`)… */
const NEW_CONTACT: FormField[] = NEW_CONTACT_FIELDS.map((field) => ({
	...field,
	name: `contact${field.name[0].toUpperCase()}${field.name.slice(1)}`,
	displayName: `Contact ${field.displayName}`,
}));

/** Builds the whole `address[...]` form, checking every value before anything is sent. */
export async function buildCreateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const body: IDataObject = {};
	const read = (field: FormField) => this.getNodeParameter(field.name, '');
	// The lines the API needs are checked first, so the first one missing is named.
	const required = ADDRESS_LINES.filter((field) => field.required);
	putFormFields(this, body, 'address', required, read, true);
	const optional = ADDRESS_LINES.filter((field) => !field.required);
	putFormFields(this, body, 'address', optional, read);
	const additional = this.getNodeParameter('additionalFields', {}) as IDataObject;
	putFormFields(this, body, 'address', ADDRESS_EXTRAS, (field) => additional[field.name]);
	putPrimary(this, body, additional.primary);

	const contactMode = this.getNodeParameter('contactMode', 'none') as string;
	if (contactMode === 'existing') {
		const contactId = this.getNodeParameter('contactId', '', { extractValue: true });
		body['address[contact_id]'] = String(
			toPositiveInteger(this, contactId, 'Contact ID', INSTANTCARD_IDS.contactId.example),
		);
	} else if (contactMode === 'new') {
		// The address endpoint creates the contact in the same call and links it.
		putFormFields(this, body, 'address[contact]', NEW_CONTACT, read, true);
	}
	return body;
}

export const addressCreateDescription: INodeProperties[] = [
	...ADDRESS_LINES.map((field) => createParameter(field, show)),
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
		description:
			'The saved contact to link to this address. Contact → Create and Contact → Get Many give its ID.',
	}),
	...NEW_CONTACT.map((field) => createParameter(field, { ...show, contactMode: ['new'] })),
];

/** The address's options of the one Additional Fields (see `oneCollection`). */
export const addressAdditionalFields: INodeProperties[] = [
	...ADDRESS_EXTRAS.map(fieldOption),
	PRIMARY_FIELD,
];
