import type { INodeProperties } from 'n8n-workflow';

import { partOperation } from '../../shared/parts';
import { aboutAddress, ADDRESS_PATH } from './fields';
import { addressSetDescription, buildAddressBody } from './set';

export const addressDescription: INodeProperties[] = [
	partOperation({
		resource: 'address',
		path: ADDRESS_PATH,
		about: aboutAddress,
		body: buildAddressBody,
		delete: {
			action: 'Remove the billing or delivery address',
			description:
				'Remove the billing address of a cart, or the delivery address of a cart or order. The output shows the address that was removed.',
		},
		get: {
			action: 'Get the billing or delivery address',
			description: 'Get the billing address of a cart, or the delivery address of a cart or order',
		},
		set: {
			action: 'Set the billing or delivery address',
			description:
				'Set the billing address of a cart, or the delivery address of a cart or order. Replaces the whole address.',
		},
	}),
	...addressSetDescription,
];
