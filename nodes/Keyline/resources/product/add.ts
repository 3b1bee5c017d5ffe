import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { PRODUCT_TEMPLATE, productBody, templateReference } from './fields';

const show = { resource: ['product'], operation: ['add'] };

export async function buildAddBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const template = templateReference(this, this.getNodeParameter('productTemplate', ''));
	const fields = productBody(this, this.getNodeParameter('additionalFields', {}) as IDataObject);
	options.body = { product: { ...template, ...fields } };
	return options;
}

export const productAddDescription: INodeProperties[] = [
	{ ...PRODUCT_TEMPLATE, displayOptions: { show } },
];
