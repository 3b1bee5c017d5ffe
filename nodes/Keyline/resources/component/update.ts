import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';
import { updateBody, updateFieldsCollection } from '../../shared/update';
import { componentBody, componentFieldOptions } from './fields';

export const buildUpdateBody = updateBody('component', componentBody);

const show = { resource: ['component'], operation: ['update'] };

export const componentUpdateDescription: INodeProperties[] = [
	idField('cartId', show, 'The cart the product is in. Components of an order cannot be changed.'),
	idField('productId', show, 'The product the component belongs to'),
	idField('componentId', show),
	updateFieldsCollection(show, componentFieldOptions),
];
