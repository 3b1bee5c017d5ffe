import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { apiErrorText, failOnHttpError, toApiError } from '../../../shared/errors';
import { routeOf } from '../../../shared/route';
import { KEYLINE } from '../../shared/api';
import { keylineRequest } from '../../shared/call';
import { shapeOrder } from './orderOutput';

export const CANCEL_NOTICE =
	'Cancelling cannot be undone: the order is stopped for good and cannot be placed again (to order again, build a new cart). It spends no money. Keyline refuses it once the print shop has started on the order.';

export const CANCEL_DESCRIPTION = `Cancel an order while it is still a draft. ${CANCEL_NOTICE}`;

/** What Keyline says (the doc gives it as the 422's meaning; the body may be empty). */
export const CANNOT_CANCEL = 'The order cannot be canceled anymore.';

const CANNOT_CANCEL_HINT =
	'The print shop is already printing this order, or it is past draft for another reason, so it can no longer be cancelled through the API. Contact the print shop if it must still be stopped.';

/**
 * DELETE answers 204: the order is read again, so the output shows its state after cancelling.
 * A 422 means production has started; it is explained as that, in Keyline's own words.
 */
export async function outputCancelled(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { path, ids } = routeOf(this);
	const request = { method: 'DELETE', url: path };
	if (response.statusCode === 422) {
		const body = apiErrorText(response.body)
			? response.body
			: { errors: { base: [CANNOT_CANCEL] } };
		throw toApiError(
			this,
			{ ...KEYLINE, hints: { ...KEYLINE.hints, 422: CANNOT_CANCEL_HINT } },
			{ response: { status: 422, data: body, headers: response.headers as IDataObject } },
			request,
		);
	}
	failOnHttpError(this, KEYLINE, response, request);
	let order: IDataObject;
	try {
		order = shapeOrder(await keylineRequest(this, { method: 'GET', path }));
	} catch (error) {
		// The order is cancelled either way: failing the item now would say otherwise.
		order = {
			id: ids.orderId,
			read_error: `Cancelled, but the order could not be read again: ${(error as Error).message}`,
		};
	}
	return [{ json: { cancelled: true, ...order } }];
}

const show = { resource: ['order'], operation: ['cancel'] };

export const orderCancelDescription: INodeProperties[] = [
	{
		displayName: CANCEL_NOTICE,
		name: 'cancelNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
];
