import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { shapeOrder } from './orderOutput';

export const ORDER_GET_DESCRIPTION =
	"Get an order with its state, products, print data files and addresses. Net Total is the sum of the products' net totals, computed by this node (Keyline gives totals per product only).";

export async function outputOrder(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: shapeOrder(response.body) }];
}
