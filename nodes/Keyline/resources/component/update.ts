import type { INodeProperties } from 'n8n-workflow';

import { updateBody, updateFieldsCollection } from '../../shared/update';
import { componentBody, componentFieldOptions } from './fields';

export const buildUpdateBody = updateBody('component', componentBody);

const show = { resource: ['component'], operation: ['update'] };

export const componentUpdateDescription: INodeProperties[] = [
	updateFieldsCollection(show, componentFieldOptions),
];
