import type { INodeProperties } from 'n8n-workflow';

import { updateBody, updateFieldsCollection, withClearOption } from '../../shared/update';
import { productBody, productFieldOptions } from './fields';

export const buildUpdateBody = updateBody('product', productBody);

const show = { resource: ['product'], operation: ['update'] };

export const productUpdateDescription: INodeProperties[] = [
	updateFieldsCollection(show, withClearOption(productFieldOptions)),
];
