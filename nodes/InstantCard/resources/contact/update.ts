import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { requireChanges } from '../../../shared/validation';
import { fieldOption, MORE_CONTACT_FIELDS, NEW_CONTACT_FIELDS, putFormFields } from './fields';

/** Every field of a contact. */
const CONTACT_FIELDS = [...NEW_CONTACT_FIELDS, ...MORE_CONTACT_FIELDS];

/** Only the fields the user set go out: a PATCH leaves the others as they are. */
export async function buildUpdateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = {};
	putFormFields(this, body, 'contact', CONTACT_FIELDS, (field) => fields[field.name]);
	requireChanges(this, body, 'Add at least one field under Update Fields.');
	return body;
}

/** The contact's options of the one Update Fields (see `oneCollection`). */
export const contactUpdateFields: INodeProperties[] = CONTACT_FIELDS.map(fieldOption);
