/**
 * Delete a contact: read it first (so the output shows what was deleted), then DELETE. The API
 * refuses to delete a contact an address still links to, with the puzzling
 * 400 `{"error":"Contact is associated with an addresses"}`: that answer is turned into plain
 * words naming the linked addresses and what to do about them.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecutePaginationFunctions, JsonObject } from 'n8n-workflow';

import { routeOf } from '../../../shared/route';
import { sendRequest } from '../../shared/api';
import { instantCardCall } from '../../shared/call';
import type { RequestHook } from '../../shared/route';
import { addressName } from './fields';

/** How many linked addresses the message names before "and N more". */
const NAMED_ADDRESSES = 3;

function isLinkedContactRefusal(error: unknown): error is NodeApiError {
	return (
		error instanceof NodeApiError &&
		error.httpCode === '400' &&
		/associated with/i.test(error.message)
	);
}

/** The addresses linked to the contact, as the contact's own answer lists them (empty when unknown). */
async function linkedAddresses(context: IExecutePaginationFunctions): Promise<IDataObject[]> {
	try {
		const contact = (await instantCardCall(context, 'GET', routeOf(context).path)) as IDataObject;
		return Array.isArray(contact?.addresses) ? (contact.addresses as IDataObject[]) : [];
	} catch {
		return []; // only used to word the message better
	}
}

function linkedContactMessage(addresses: IDataObject[]): string {
	if (addresses.length === 0) {
		return 'This contact is still linked to an address — delete that address or link it to another contact first';
	}
	const names = addresses
		.slice(0, NAMED_ADDRESSES)
		.map((a) => `#${String(a.id)} ${addressName(a)}`);
	if (addresses.length > NAMED_ADDRESSES)
		names.push(`and ${addresses.length - NAMED_ADDRESSES} more`);
	return addresses.length === 1
		? `This contact is still linked to an address (${names[0]}) — delete that address or link it to another contact first`
		: `This contact is still linked to ${addresses.length} addresses (${names.join('; ')}) — delete those addresses or link them to another contact first`;
}

/** Request hook of Contact → Delete: the node's usual one, with the linked-contact refusal reworded. */
export const deleteContact: RequestHook = async function (requestData) {
	try {
		return await sendRequest.call(this, requestData);
	} catch (error) {
		if (!isLinkedContactRefusal(error)) {
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, {
						itemIndex: this.getItemIndex(),
					});
		}
		const said = error.message.replace(/^InstantCard:\s*/, '');
		const { contactId } = routeOf(this).ids;
		throw new NodeApiError(this.getNode(), { status: 400, body: { error: said } } as JsonObject, {
			message: linkedContactMessage(await linkedAddresses(this)),
			description:
				`InstantCard refused to delete contact ${contactId} ("${said}"). Nothing was deleted. ` +
				'Use Address → Update with "Link Another Contact", or Address → Delete, then delete the contact again.',
			httpCode: '400',
			itemIndex: this.getItemIndex(),
		});
	}
};
