import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { INSTANTCARD_BASE_URL, instantCardSessionToken } from './instantCardLogin';

export class InstantCardApi implements ICredentialType {
	name = 'instantCardApi';

	displayName = 'InstantCard API';

	icon: Icon = {
		light: 'file:../icons/instantcard.svg',
		dark: 'file:../icons/instantcard.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-instantcard-keyline/n8n-nodes-instantcard-keyline#instantcard-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'https://core.instantcard.net/api/v2' },
				{
					name: 'Staging (Test Account, Nothing Is Printed)',
					value: 'https://staging.core.instantcard.net/api/v2',
				},
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'https://core.instantcard.net/api/v2',
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://core.instantcard.net/api/v2',
			description: 'The InstantCard API root, ending in /api/v2',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@example.com',
			default: '',
			required: true,
			description: 'The email you use to sign in at online.instantcard.net',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: '20003827',
			required: true,
			description:
				'The number of your InstantCard organization. Every card, print job and address belongs to it.',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Logs in (once per token lifetime, however many items run at once). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { sessionToken: await instantCardSessionToken(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=bearer {{$credentials.sessionToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: { baseURL: INSTANTCARD_BASE_URL, url: '/profile/me' },
	};
}
