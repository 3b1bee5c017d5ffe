import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { validateIds } from '../../shared/validation';
import { ORG } from './api';

export interface IdLocatorOptions {
	/** Parameter name, e.g. `cardId`. */
	name: string;
	/** What users see, e.g. `Card`. The By-ID mode is labelled "<displayName> ID". */
	displayName: string;
	/** `methods.listSearch` function listing the choices, e.g. `searchCards`. */
	searchListMethod: string;
	/** Where this parameter shows. */
	show: Record<string, string[]>;
	/**
	 * Path under the organization with `{{ $value }}` for the ID, e.g. `/cards/{{ $value }}/finalize`.
	 * Omit when the ID is not part of the URL (it is then read by the operation's own code).
	 */
	path?: string;
	required?: boolean;
	description?: string;
	/** Steps that build the request, run after the ID check (so only for a valid ID). */
	preSend?: Array<
		(this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>
	>;
}

/**
 * An ID parameter with a searchable list (From List) and a By-ID mode for expressions, checked
 * to be a positive whole number before any request is sent. Each operation gets its own
 * instance because each puts the ID into a different URL.
 */
export function idLocator(options: IdLocatorOptions): INodeProperties {
	const label = `${options.displayName} ID`;
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
				placeholder: 'e.g. 264561',
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
		routing: {
			...(options.path
				? {
						request: {
							url: `=${ORG}${options.path.replace('{{ $value }}', '{{ String($value).trim() }}')}`,
						},
					}
				: {}),
			send: { preSend: [validateIds({ [options.name]: label }), ...(options.preSend ?? [])] },
		},
	};
}
