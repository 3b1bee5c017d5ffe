import type { INodeProperties } from 'n8n-workflow';

import { instantCardRoute } from '../../shared/route';

export const profileOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['profile'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the logged in user',
			description: 'Get the user the credential logs in as, with their organization',
			// The one path outside the organization: below the API root itself.
			routing: instantCardRoute('GET', '/profile/me', { outsideOrganization: true }),
		},
	],
	default: 'get',
};
