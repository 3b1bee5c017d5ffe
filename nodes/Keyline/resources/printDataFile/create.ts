import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { printDataFileBody, requiredFileFields } from './fields';

export async function buildCreateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const print_data_file = printDataFileBody(this, {
		...(this.getNodeParameter('additionalFields', {}) as IDataObject),
		uri: this.getNodeParameter('uri', ''),
		kind: this.getNodeParameter('kind', 'original'),
	});
	options.body = { print_data_file };
	return options;
}

const show = { resource: ['printDataFile'], operation: ['create'] };

export const printDataFileCreateDescription: INodeProperties[] = [...requiredFileFields(show)];
