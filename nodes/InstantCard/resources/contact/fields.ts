/**
 * What contacts and addresses share: form-field helpers, the email check, and how a contact or an
 * address is named in pickers and messages.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

/** Same rule as the API's (something@domain.tld): catches typos before anything is sent. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

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
	if (text !== undefined && !EMAIL.test(text)) {
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
