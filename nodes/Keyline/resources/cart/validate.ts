import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { failOnHttpError, fieldErrors } from '../../../shared/errors';
import { routeOf } from '../../../shared/route';
import { KEYLINE } from '../../shared/api';

const show = { resource: ['cart'], operation: ['validate'] };

/**
 * GET /checkout answers 200 when the cart can be checked out and 422 with what is missing. Both
 * are answers, not failures: the output says `ready` and lists each missing field, in Keyline's
 * words, so an IF node can branch on it.
 */
export async function outputValidation(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { path, ids } = routeOf(this);
	if (response.statusCode !== 422)
		failOnHttpError(this, KEYLINE, response, { method: 'GET', url: path });
	const { cartId } = ids;
	const report = checkoutReport(response);
	if (this.getNodeParameter('itemPerMissingField', false) && report.errors.length > 0) {
		return report.errors.map((error) => ({
			json: { id: cartId, cart_id: cartId, ready: false, ...error },
		}));
	}
	return [{ json: { id: cartId, cart_id: cartId, ...report } }];
}

/**
 * What an answer of GET /checkout says: ready (200), or what is missing (422), each message in
 * Keyline's words (German) with `message_en` beside it where the words are known.
 */
export function checkoutReport(
	response: Pick<IN8nHttpFullResponse, 'statusCode'> & { body: unknown },
) {
	const errors = (response.statusCode === 422 ? fieldErrors(response.body) : []).map((error) => {
		const english = KEYLINE.translate?.(error.message);
		return english ? { ...error, message_en: english } : error;
	});
	return {
		ready: errors.length === 0,
		missing: [...new Set(errors.map((error) => error.field))],
		errors,
	};
}

export const cartValidateDescription: INodeProperties[] = [
	{
		displayName: 'One Item per Missing Field',
		name: 'itemPerMissingField',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			'Whether to output one item for each missing field (field, message) instead of one item with the list. A ready cart always gives one item.',
	},
];
