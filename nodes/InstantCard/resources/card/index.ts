import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { instantCardList } from '../../shared/listSearch';
import { instantCardRoute } from '../../shared/route';
import { buildCreateBody, cardCreateDescription } from './create';
import { finalizeCreatedCard, outputFinalized } from './finalize';
import { cardPreviewDescription, outputPreview } from './preview';
import { outputPrintHistory } from './printHistory';
import { cardSearchDescription, sendSearchTerm } from './search';
import { cardIdProperty, cardName } from './shared';
import { buildUpdateBody, cardUpdateDescription } from './update';
import { buildImageUpload, cardUploadImageDescription } from './uploadImage';

export const cardOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['card'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a card',
			description: 'Create a draft card from a template. Finalize it before printing.',
			routing: instantCardRoute('POST', '/cards', {
				form: buildCreateBody,
				postReceive: [finalizeCreatedCard],
			}),
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a card',
			description: 'Delete a card for good',
			routing: instantCardRoute('DELETE', '/cards/{cardId}'),
		},
		{
			name: 'Finalize',
			value: 'finalize',
			action: 'Finalize a card',
			description:
				'Make a draft card ready for printing. Only finalized cards can be added to a print job.',
			routing: instantCardRoute('PATCH', '/cards/{cardId}/finalize', {
				postReceive: [outputFinalized],
			}),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a card',
			description: "Get a card's template, field values and print dates",
			routing: instantCardRoute('GET', '/cards/{cardId}'),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many cards',
			description:
				'List the organization\'s cards. Image fields show as the word "image"; use Preview to see them.',
			routing: instantCardRoute('GET', '/cards', { list: 'paged' }),
		},
		{
			name: 'Get Print History',
			value: 'printHistory',
			action: 'Get the print history of a card',
			description:
				'List each print order of a card with its status (not printed, printed and sent, failed)',
			routing: instantCardRoute('GET', '/cards/{cardId}/print_history', {
				postReceive: [outputPrintHistory],
			}),
		},
		{
			name: 'Preview',
			value: 'preview',
			action: 'Preview a card',
			description:
				'Get pictures of the front and back of a card as it will be printed, as image files',
			routing: instantCardRoute('GET', '/cards/{cardId}/preview', {
				postReceive: [outputPreview],
				recordId: 'cardId',
			}),
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search cards',
			description: "Find cards whose text fields contain a word, e.g. a person's name",
			routing: instantCardRoute('GET', '/cards/search', {
				list: 'paged',
				preSend: [sendSearchTerm],
			}),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a card',
			description:
				"Change some of a card's field values, or move it to another template. Finalized cards can be changed too.",
			routing: instantCardRoute('PATCH', '/cards/{cardId}', {
				form: buildUpdateBody,
			}),
		},
		{
			name: 'Upload Image',
			value: 'uploadImage',
			action: 'Upload an image to a card',
			description:
				"Put an image file (e.g. a photo) from the input into one of the card's image fields",
			routing: instantCardRoute('POST', '/cards/{cardId}/image', {
				preSend: [buildImageUpload],
			}),
		},
	],
	default: 'create',
};

export const cardFields: INodeProperties[] = [
	cardIdProperty,
	...cardCreateDescription,
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
