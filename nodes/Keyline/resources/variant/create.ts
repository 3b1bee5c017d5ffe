import type { IDataObject, INodeProperties, PreSendAction } from 'n8n-workflow';

import { NEW_VARIANT_VALUES, newVariantBody } from './fields';

/** preSend of Create: the body from the form, checked before sending. */
export const buildCreateBody: PreSendAction = async function (options) {
	const values: IDataObject = {
		name: this.getNodeParameter('name', '') as string,
		circulation: this.getNodeParameter('circulation', 1000) as number,
	};
	const nameMapped = String(this.getNode().parameters.name ?? '').startsWith('=');
	options.body = { variant: newVariantBody(this, values, nameMapped) };
	return options;
};

const show = { resource: ['variant'], operation: ['create'] };

export const variantCreateDescription: INodeProperties[] = [
	...NEW_VARIANT_VALUES.map((field) => ({ ...field, displayOptions: { show } })),
];
