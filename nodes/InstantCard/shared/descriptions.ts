import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../shared/transport';
import { INSTANTCARD_IDS } from './ids';

export interface IdLocatorOptions {
	/** Parameter name, e.g. `cardId`. */
	name: string;
	/** What users see, e.g. `Card`. The By-ID mode is labelled "<displayName> ID". */
	displayName: string;
	/** `methods.listSearch` function listing the choices, e.g. `searchCards`. */
	searchListMethod: string;
	/** Where this parameter shows. */
	show: NonNullable<IDisplayOptions['show']>;
	required?: boolean;
	description?: string;
	/** Digits to show as an example; by default the example of the ID of that name. */
	example?: string;
}

/**
 * An ID parameter with a searchable list (From List) and a By-ID mode for expressions. Only the
 * picker: the operation that uses the ID reads it, checks it and puts it into its path (see
 * `instantCardRoute`).
 */
export function idLocator(options: IdLocatorOptions): INodeProperties {
	const label = `${options.displayName} ID`;
	const example =
		options.example ??
		(INSTANTCARD_IDS as Record<string, { example: string }>)[options.name]?.example ??
		'264561';
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		displayOptions: { show: options.show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: `${label} must be a whole number`,
						},
					},
				],
			},
		],
	};
}

/** The operations that list records, by resource: they share one Return All and one Limit. */
export const LIST_OPERATIONS = {
	address: ['getAll'],
	card: ['getAll', 'search'],
	cardTemplate: ['getAll'],
	contact: ['getAll'],
	organization: ['getTransactions'],
	printJob: ['getAll'],
	shippingProvider: ['getAll'],
};

/**
 * Return All / Limit of every list. One property each (n8n reads a parameter once for every
 * property of its name, on every item); read by the list's request hook or output step (see
 * `instantCardRoute`'s `list`). No resource has an operation of these names that is not a list.
 */
const listShow = {
	resource: Object.keys(LIST_OPERATIONS),
	operation: [...new Set(Object.values(LIST_OPERATIONS).flat())],
};

export const listProperties: INodeProperties[] = listOptions(listShow);
