/**
 * DELETE …/remove_cards/{card_id} answers the literal `true`, or 404 with the literal `false`
 * when the job does not exist or is no longer in status Created. Both become something a user
 * can act on: `{ id, print_job_id, card_id, removed: true }` (`id`: the job) or an error saying why.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiErrorText, responseOf, toApiError } from '../../../shared/errors';
import { routeOf } from '../../../shared/route';
import { INSTANTCARD } from '../../shared/api';
import { idLocator } from '../../shared/descriptions';
import type { RequestHook } from '../../shared/route';

/** The job and the card of the path `/print_jobs/{printJobId}/remove_cards/{printJobCardId}`. */
function ids(context: IExecuteSingleFunctions) {
	const { printJobId, printJobCardId } = routeOf(context).ids;
	return { jobId: printJobId, cardId: printJobCardId };
}

function notRemoved(context: IExecuteSingleFunctions, said?: string) {
	const { jobId, cardId } = ids(context);
	return new NodeOperationError(
		context.getNode(),
		`Could not remove card ${cardId} from print job ${jobId}: the job is not in status Created or does not exist`,
		{
			itemIndex: context.getItemIndex(),
			description: `${said ? `InstantCard said: ${said}. ` : ''}Cards can only be removed from jobs not yet submitted. Print Job → Get shows the job's status.`,
		},
	);
}

/** Sends the DELETE like every request, but turns its 404 into the reason it happens. */
export const sendRemoveRequest: RequestHook = async function (requestData) {
	try {
		return await this.makeRoutingRequest(requestData);
	} catch (error) {
		const { status, body } = responseOf(error);
		// Our own errors (e.g. from outputRemoved) carry no status and pass through toApiError as they are.
		if (status === 404) {
			const said = apiErrorText(body);
			throw notRemoved(this, said === 'false' ? undefined : said);
		}
		throw toApiError(this, INSTANTCARD, error, {
			method: requestData.options.method,
			url: requestData.options.url,
		});
	}
};

export async function outputRemoved(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const answer = items[0]?.json as unknown;
	if (answer === false || answer === 'false') throw notRemoved(this);
	const { jobId, cardId } = ids(this);
	return [{ json: { id: jobId, print_job_id: jobId, card_id: cardId, removed: true } }];
}

export const printJobRemoveCardDescription: INodeProperties[] = [
	idLocator({
		name: 'printJobCardId',
		displayName: 'Card',
		searchListMethod: 'searchPrintJobCards',
		show: { resource: ['printJob'], operation: ['removeCard'] },
		description:
			"The card to take out of the job (the card itself is not deleted). Print Job → Get lists the job's cards.",
	}),
];
