/**
 * What contacts and addresses share: their form fields (one description each, and how their
 * values go into the form), the email check, and how a contact or an address is named in pickers
 * and messages. Also the contact's own fields.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeProperties,
} from 'n8n-workflow';

/** Same rule as the API's (something@domain.tld): catches typos before anything is sent. */
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Text of a field as the form carries it; blank (or whitespace) counts as not given. */
export function formText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/** Adds `key` to a form body unless the value is blank: unset optional fields are left out, never sent empty. */
export function putText(body: IDataObject, key: string, value: unknown): void {
	const text = formText(value);
	if (text !== undefined) body[key] = text;
}

/** A required text field: NodeOperationError naming it when empty, before any request. */
export function requireText(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string {
	const text = formText(value);
	if (text === undefined) {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex: context.getItemIndex(),
			description: `Enter the ${label}, or map it from a previous node.`,
		});
	}
	return text;
}

/** Checks an email address (when given) and returns it trimmed; names the field when it is malformed. */
export function checkEmail(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string | undefined {
	const text = formText(value);
	if (text !== undefined && !EMAIL_SHAPE.test(text)) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} is not a valid email address: "${text.slice(0, 80)}"`,
			{
				itemIndex: context.getItemIndex(),
				description: 'Use the form name@example.com, without spaces.',
			},
		);
	}
	return text;
}

/** A text field of a contact's or a saved address's form. */
export interface FormField {
	/** Parameter name in the node. */
	name: string;
	displayName: string;
	/** Key inside the record's form, e.g. `zip_code` of `address[zip_code]`. */
	key: string;
	placeholder: string;
	description?: string;
	/** Needed on Create (the API refuses the record without it); Update sends only what is set. */
	required?: boolean;
	/** An email address, checked before anything is sent. */
	email?: boolean;
}

/** The field as an option of Additional Fields or Update Fields. */
export function fieldOption(field: FormField): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		placeholder: field.placeholder,
		...(field.description ? { description: field.description } : {}),
	};
}

/** The field as a parameter of a Create form, shown by `show`: required where the API needs it. */
export function createParameter(
	field: FormField,
	show: NonNullable<IDisplayOptions['show']>,
): INodeProperties {
	return {
		...fieldOption(field),
		...(field.required ? { required: true } : {}),
		displayOptions: { show },
	};
}

/**
 * `<form>[<key>]` for each field whose value (`read`) is not blank, e.g. `contact[full_name]`;
 * email addresses are checked. On Create (`onCreate`), a required field left blank stops the item.
 */
export function putFormFields(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	form: string,
	fields: FormField[],
	read: (field: FormField) => unknown,
	onCreate = false,
): void {
	for (const field of fields) {
		let value = read(field);
		if (onCreate && field.required) value = requireText(context, value, field.displayName);
		if (field.email) value = checkEmail(context, value, field.displayName);
		putText(body, `${form}[${field.key}]`, value);
	}
}

export const FULL_NAME: FormField = {
	name: 'fullName',
	displayName: 'Full Name',
	key: 'full_name',
	placeholder: 'e.g. Ada Lovelace',
	description: "The person's first and last name, e.g. Ada Lovelace",
	required: true,
};
export const EMAIL: FormField = {
	name: 'email',
	displayName: 'Email',
	key: 'email',
	placeholder: 'name@email.com',
	description: "The person's email address, e.g. ada@example.com",
	required: true,
	email: true,
};
export const PHONE_NUMBER: FormField = {
	name: 'phoneNumber',
	displayName: 'Phone Number',
	key: 'phone_number',
	placeholder: 'e.g. +1 512 555 0100',
	description: 'A phone number to reach the person, e.g. +1 512 555 0100',
};
export const ALT_EMAIL: FormField = {
	name: 'altEmail',
	displayName: 'Alternative Email',
	key: 'alt_email',
	placeholder: 'name@email.com',
	description: 'A second email address for the person, e.g. ada.lovelace@example.org',
	email: true,
};
export const ALT_PHONE_NUMBER: FormField = {
	name: 'altPhoneNumber',
	displayName: 'Alternative Phone Number',
	key: 'alt_phone_number',
	placeholder: 'e.g. +1 512 555 0101',
	description: 'A second phone number for the person, e.g. +1 512 555 0101',
};

/** What a new contact is given on Contact → Create, and on Address → Create with New Contact. */
export const NEW_CONTACT_FIELDS: FormField[] = [FULL_NAME, EMAIL, PHONE_NUMBER];
/** The rest of a contact: Additional Fields on Create. */
export const MORE_CONTACT_FIELDS: FormField[] = [ALT_EMAIL, ALT_PHONE_NUMBER];

/** "Ada Lovelace <ada@example.com>", or the email alone when the contact has no name. */
export function contactName(contact: IDataObject): string {
	const name = formText(contact.full_name);
	const email = formText(contact.email);
	if (name && email) return `${name} <${email}>`;
	return name ?? (email ? `<${email}>` : `Contact #${String(contact.id)}`);
}

/** "Head office — 1200 Congress Ave, Austin"; saved addresses say address1, one-off ones address_1. */
export function addressName(address: IDataObject): string {
	const street = [formText(address.address1 ?? address.address_1), formText(address.city)]
		.filter(Boolean)
		.join(', ');
	const label = formText(address.label);
	if (label && street) return `${label} — ${street}`;
	return label ?? (street || `Address #${String(address.id)}`);
}
