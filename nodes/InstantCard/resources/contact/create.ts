import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	createParameter,
	fieldOption,
	type FormField,
	MORE_CONTACT_FIELDS,
	NEW_CONTACT_FIELDS,
	putFormFields,
} from './fields';

const show = { resource: ['contact'], operation: ['create'] };

/** Builds the `contact[...]` form; the email addresses are checked before anything is sent. */
export async function buildCreateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const body: IDataObject = {};
	const read = (field: FormField) => this.getNodeParameter(field.name, '');
	putFormFields(this, body, 'contact', NEW_CONTACT_FIELDS, read, true);
	const additional = this.getNodeParameter('additionalFields', {}) as IDataObject;
	putFormFields(this, body, 'contact', MORE_CONTACT_FIELDS, (field) => additional[field.name]);
	return body;
}

export const contactCreateDescription: INodeProperties[] = NEW_CONTACT_FIELDS.map((field) =>
	createParameter(field, show),
);

/** The contact's options of the one Additional Fields (see `oneCollection`). */
export const contactAdditionalFields: INodeProperties[] = MORE_CONTACT_FIELDS.map(fieldOption);
