import type { IDataObject, INodeProperties, PreSendAction } from 'n8n-workflow';

import { printDataFileBody, requiredFileFields } from './fields';

/** preSend of Create: the body from the form, checked before sending. */
export const buildCreateBody: PreSendAction = async function (options) {
	const print_data_file = printDataFileBody(this, {
		...(this.getNodeParameter('additionalFields', {}) as IDataObject),
		uri: this.getNodeParameter('uri', ''),
		kind: this.getNodeParameter('kind', 'original'),
	});
	options.body = { print_data_file };
	return options;
};

const show = { resource: ['printDataFile'], operation: ['create'] };

export const printDataFileCreateDescription: INodeProperties[] = [...requiredFileFields(show)];
