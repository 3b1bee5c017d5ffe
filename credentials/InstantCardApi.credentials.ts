import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { bindingField, credentialTest } from '../nodes/shared/binding';
import { sendSessionToken, startSession } from '../nodes/InstantCard/shared/login';

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
			typeOptions: { password: true },
			default: '',
		},
		// Which values the session token was obtained with (a salted hash).
		bindingField('Session For', 'sessionFor'),
	];

	/** Logs in (once per token lifetime and per changed values, however many items run at once). */
	preAuthentication = startSession;

	/** Sends the session token, or makes n8n log in first when it was obtained with other values. */
	authenticate = sendSessionToken;

	// Logs in with the form's values every time (see `authenticate`) and reads the organization
	// (a wrong Organization ID fails the Test, not the first workflow); then this request shows
	// that InstantCard takes the new token.
	test: ICredentialTestRequest = credentialTest('/profile/me', {
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'InstantCard did not accept the new session token. Try the Test again.',
				},
			},
		],
	});
}
