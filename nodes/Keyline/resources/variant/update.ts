import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';
import { updateBody, updateFieldsCollection } from '../../shared/update';
import { VARIANT_CIRCULATION, VARIANT_NAME, variantBody } from './fields';

export const buildUpdateBody = updateBody('variant', variantBody, {
	hint: 'Add Name or Circulation under Update Fields.',
});

const show = { resource: ['variant'], operation: ['update'] };

export const variantUpdateDescription: INodeProperties[] = [
	idField('cartId', show, 'The cart the product is in. Variants of an order cannot be changed.'),
	idField('productId', show, 'The product the variant belongs to'),
	idField('variantId', show),
	updateFieldsCollection(show, [VARIANT_CIRCULATION, VARIANT_NAME] as INodeProperties[]),
];
