/**
 * The parts of a cart or order that are set as a whole (customer, recipient, carrier, addresses):
 * each is one path with Delete, Get and Set (Keyline's DELETE, GET and POST), whose refusals are
 * explained for the part (`about`).
 */
import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import type { PathTemplate } from '../../shared/route';
import type { About, Dynamic } from './refusals';
import { keylineRoute } from './route';

interface Wording {
	action: string;
	description: string;
}

export interface Part {
	resource: string;
	path: PathTemplate;
	about: Dynamic<About>;
	/** Builds Set's body. */
	body: PreSendAction;
	delete: Wording;
	get: Wording;
	set: Wording;
}

/** The Operation of a part: Delete, Get and Set, with Set the default. */
export function partOperation(part: Part): INodeProperties {
	const { about } = part;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [part.resource] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				...part.delete,
				routing: keylineRoute('DELETE', part.path, { about }),
			},
			{
				name: 'Get',
				value: 'get',
				...part.get,
				routing: keylineRoute('GET', part.path, { about }),
			},
			{
				name: 'Set',
				value: 'set',
				...part.set,
				routing: keylineRoute('POST', part.path, { about, preSend: [part.body] }),
			},
		],
		default: 'set',
	};
}
