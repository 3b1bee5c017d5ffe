import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

const show = { resource: ['card'], operation: ['search'] };

/** The API answers 400 without a term; say so before sending (an expression may give ""). */
export async function sendSearchTerm(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const term = String(this.getNodeParameter('term', '') ?? '').trim();
	if (!term) {
		throw new NodeOperationError(this.getNode(), 'Search Term is empty', {
			itemIndex: this.getItemIndex(),
			description:
				"Enter the text to look for in the cards' fields, e.g. a name or an employee number.",
		});
	}
	options.qs = { ...(options.qs ?? {}), term };
	return options;
}

export const cardSearchDescription: INodeProperties[] = [
	{
		displayName: 'Search Term',
		name: 'term',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Lovelace',
		displayOptions: { show },
		description: "Text to look for in the cards' text fields (images are not searched)",
	},
];
