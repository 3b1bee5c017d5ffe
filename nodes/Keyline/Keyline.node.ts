import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { OPERATION_SUBTITLE, resourceSelector } from '../shared/description';
import { routeAllRequests } from '../shared/transport';
import { addressDescription } from './resources/address';
import { carrierDescription } from './resources/carrier';
import { cartDescription } from './resources/cart';
import { componentDescription } from './resources/component';
import { customerDescription } from './resources/customer';
import { orderDescription } from './resources/order';
import { printDataFileDescription } from './resources/printDataFile';
import { productDescription } from './resources/product';
import { recipientDescription } from './resources/recipient';
import { variantDescription } from './resources/variant';
import { sendRequest } from './shared/api';
import { additionalFields, updateFields } from './resources/collections';
import { catalogueIdFields, locationFields } from './shared/ids';

const resources = [
	...addressDescription,
	...carrierDescription,
	...cartDescription,
	...componentDescription,
	...customerDescription,
	...orderDescription,
	...printDataFileDescription,
	...productDescription,
	...recipientDescription,
	...variantDescription,
];
/**
 * Each resource's Operation, then the notices about the whole operation (money, order of steps),
 * then where the record lives. A notice about one switch stays under its switch.
 */
const aboutOperation = (property: INodeProperties) =>
	property.type === 'notice' &&
	Object.keys(property.displayOptions?.show ?? {}).every((key) =>
		['resource', 'operation'].includes(key),
	);
const operations = resources.filter((property) => property.name === 'operation');
const notices = resources.filter(aboutOperation);
const fields = resources.filter(
	(property) => property.name !== 'operation' && !aboutOperation(property),
);

export class Keyline implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keyline',
		name: 'keyline',
		icon: { light: 'file:../../icons/keyline.svg', dark: 'file:../../icons/keyline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: OPERATION_SUBTITLE,
		description: 'Order printed products from a print shop running Keyline (Inbox API)',
		defaults: { name: 'Keyline' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'keylineApi', required: true }],
		// No base URL: the credential puts its API root in front of each path (see
		// `boundAuthentication`), where a base-URL expression would cost two evaluations per item.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: { pagination: sendRequest },
		properties: [
			routeAllRequests,
			resourceSelector(
				[
					{ name: 'Address', value: 'address' },
					{ name: 'Carrier', value: 'carrier' },
					{ name: 'Cart', value: 'cart' },
					{ name: 'Component', value: 'component' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Order', value: 'order' },
					{ name: 'Print Data File', value: 'printDataFile' },
					{ name: 'Product', value: 'product' },
					{ name: 'Recipient', value: 'recipient' },
					{ name: 'Variant', value: 'variant' },
				],
				'cart',
			),
			...operations,
			...notices,
			...locationFields,
			...catalogueIdFields,
			...fields,
			additionalFields,
			updateFields,
		],
	};
}
