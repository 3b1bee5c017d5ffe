import type { INodeProperties } from 'n8n-workflow';

const showOnlyForProfile = { resource: ['profile'] };

export const profileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForProfile },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the logged in user',
				description: 'Get the user the credential logs in as, with their organization',
				routing: { request: { method: 'GET', url: '/profile/me' } },
			},
		],
		default: 'get',
	},
];
