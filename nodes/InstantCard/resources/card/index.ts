import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { instantCardList } from '../../shared/listSearch';
import { cardCreateDescription } from './create';
import { outputDeleted } from '../../shared/deleted';
import { cardDeleteDescription } from './delete';
import { cardFinalizeDescription, outputFinalized } from './finalize';
import { cardGetDescription } from './get';
import { cardGetAllDescription } from './getAll';
import { cardPreviewDescription, outputPreview } from './preview';
import { cardPrintHistoryDescription, outputPrintHistory } from './printHistory';
import { cardSearchDescription } from './search';
import { cardName } from './shared';
import { cardUpdateDescription } from './update';
import { cardUploadImageDescription } from './uploadImage';

const showOnlyForCard = { resource: ['card'] };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

export const cardDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCard },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a card',
				description: 'Create a draft card from a template. Finalize it before printing.',
				routing: {
					request: {
						method: 'POST',
						url: `=${ORG}/cards`,
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					},
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a card',
				description: 'Delete a card for good',
				routing: {
					request: { method: 'DELETE' },
					output: { postReceive: [outputDeleted('cardId', 'Card ID')] },
				},
			},
			{
				name: 'Finalize',
				value: 'finalize',
				action: 'Finalize a card',
				description:
					'Make a draft card ready for printing. Only finalized cards can be added to a print job.',
				routing: { request: { method: 'PATCH' }, output: { postReceive: [outputFinalized] } },
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a card',
				description: "Get a card's template, field values and print dates",
				routing: { request: { method: 'GET' } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cards',
				description:
					'List the organization\'s cards. Image fields show as the word "image"; use Preview to see them.',
				routing: { request: { method: 'GET', url: `=${ORG}/cards` } },
			},
			{
				name: 'Get Print History',
				value: 'printHistory',
				action: 'Get the print history of a card',
				description:
					'List each print order of a card with its status (not printed, printed and sent, failed)',
				routing: { request: { method: 'GET' }, output: { postReceive: [outputPrintHistory] } },
			},
			{
				name: 'Preview',
				value: 'preview',
				action: 'Preview a card',
				description:
					'Get pictures of the front and back of a card as it will be printed, as image files',
				routing: { request: { method: 'GET' }, output: { postReceive: [outputPreview] } },
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search cards',
				description: "Find cards whose text fields contain a word, e.g. a person's name",
				routing: { request: { method: 'GET', url: `=${ORG}/cards/search` } },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a card',
				description: "Change some of a card's field values, or move it to another template",
				routing: { request: { method: 'PATCH', headers: FORM } },
			},
			{
				name: 'Upload Image',
				value: 'uploadImage',
				action: 'Upload an image to a card',
				description:
					"Put an image file (e.g. a photo) from the input into one of the card's image fields",
				routing: { request: { method: 'POST' } },
			},
		],
		default: 'create',
	},
	...cardCreateDescription,
	...cardDeleteDescription,
	...cardFinalizeDescription,
	...cardGetDescription,
	...cardGetAllDescription,
	...cardPrintHistoryDescription,
	...cardPreviewDescription,
	...cardSearchDescription,
	...cardUpdateDescription,
	...cardUploadImageDescription,
];

export const cardListSearch = {
	/** Cards page by page; a typed filter searches the cards' text fields on the server. */
	async searchCards(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await instantCardList(
			this,
			{
				path: '/cards',
				paged: true,
				toItem: (card: IDataObject) => ({ name: cardName(card), value: String(card.id) }),
				filterQuery: (term) => ({ path: '/cards/search', qs: { term: term.trim() } }),
			},
			filter?.trim() || undefined,
			paginationToken,
		);
	},
};
