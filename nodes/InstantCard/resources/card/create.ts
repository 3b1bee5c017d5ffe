import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { parseJsonParameter, toPositiveInteger } from '../../../shared/validation';

const showOnlyForCardCreate = { resource: ['card'], operation: ['create'] };

/**
 * `card[data]` is one object per template field, keyed by the field's token. The server
 * `JSON.parse`s it, so it travels as a JSON string inside the form.
 */
export function toCardData(context: IExecuteSingleFunctions, data: unknown, label: string): string {
	let entries: IDataObject[];
	if (Array.isArray(data)) entries = data as IDataObject[];
	else if (data && typeof data === 'object') {
		// {"first_name": "Ada", "photo": "..."} is the natural way to write it: one entry per field.
		entries = Object.entries(data as IDataObject).map(([token, value]) => ({ [token]: value }));
	} else {
		throw new NodeOperationError(context.getNode(), `${label} must be a JSON object or array`, {
			itemIndex: context.getItemIndex(),
			description:
				'Give the card\'s field values keyed by the template field token, e.g. {"first_name": "Ada", "last_name": "Lovelace"}.',
		});
	}
	for (const entry of entries) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new NodeOperationError(context.getNode(), `${label} holds an entry that is not an object`, {
				itemIndex: context.getItemIndex(),
				description: 'Each entry must look like {"first_name": "Ada"}.',
			});
		}
	}
	return JSON.stringify(entries);
}

async function buildCreateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const templateId = toPositiveInteger(this, this.getNodeParameter('cardTemplateId'), 'Card Template ID');
	const data = parseJsonParameter(this, 'cardDataJson', 'Card Data (JSON)');
	options.body = {
		'card[card_template_id]': String(templateId),
		'card[data]': toCardData(this, data ?? {}, 'Card Data (JSON)'),
	};
	return options;
}

export const cardCreateDescription: INodeProperties[] = [
	{
		displayName: 'Card Template ID',
		name: 'cardTemplateId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1201',
		displayOptions: { show: showOnlyForCardCreate },
		description: 'The design to create the card from. Card Template → Get Many lists them.',
	},
	{
		displayName: 'Card Data (JSON)',
		name: 'cardDataJson',
		type: 'json',
		required: true,
		default: '{\n  "first_name": "",\n  "last_name": ""\n}',
		displayOptions: { show: showOnlyForCardCreate },
		description:
			"The card's field values keyed by template field token. Photos are Base64 strings. Card Template → Get Fields lists the tokens.",
		routing: { send: { preSend: [buildCreateBody] } },
	},
];
