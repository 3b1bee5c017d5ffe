import type { INodeProperties } from 'n8n-workflow';

import { updateBody, updateFieldsCollection } from '../../shared/update';
import { VARIANT_CIRCULATION, VARIANT_NAME, variantBody } from './fields';

export const buildUpdateBody = updateBody('variant', variantBody, {
	hint: 'Add Name or Circulation under Update Fields.',
});

const show = { resource: ['variant'], operation: ['update'] };

export const variantUpdateDescription: INodeProperties[] = [
	updateFieldsCollection(show, [VARIANT_CIRCULATION, VARIANT_NAME] as INodeProperties[]),
];
