/**
 * Cart → Create as documented: `POST /carts` takes no body, so the cart is created empty and
 * its offer text, due date and custom references are then set with `PATCH /carts/{id}` (which
 * requires the offer text). The output is the cart as Keyline stored it.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { itemHandOff } from '../../../shared/handOff';
import { keylineRequest } from '../../shared/call';
import { toItems } from '../../shared/output';
import { newCartFields } from './fields';

/** The fields to set once the cart exists, from each item's preSend to its postReceive. */
const fieldsToSet = itemHandOff<IDataObject>();

/** preSend: the fields are checked before the cart is created; the POST itself has no body. */
export async function checkCreateFields(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const cart = newCartFields(this, this.getNodeParameter('additionalFields', {}) as IDataObject);
	if (Object.keys(cart).length > 0) fieldsToSet.put(this, cart);
	delete options.body;
	return options;
}

/** postReceive: the new cart, with its fields set and read back when there are any. */
export async function outputNewCart(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const created = toItems(response.body);
	const cart = fieldsToSet.take(this);
	if (!cart) return created;
	const id = Number(created[0]?.json.id);
	try {
		await keylineRequest(this, { method: 'PATCH', path: `/carts/${id}`, body: { cart } });
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`Cart ${id} was created, but its fields were not set: ${(error as Error).message}`,
			{
				itemIndex: this.getItemIndex(),
				description: `The cart exists without its offer text, due date and custom references. Set them with Cart → Update with Cart ID ${id}, or delete the cart.`,
			},
		);
	}
	return toItems(await keylineRequest(this, { method: 'GET', path: `/carts/${id}` }));
}
