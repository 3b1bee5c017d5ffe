import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	KEYLINE_AUTHORIZATION,
	KEYLINE_BASE_URL,
	KEYLINE_DEFAULT_URL,
	verifyKeylineCredential,
} from './keylineKey';

export class KeylineApi implements ICredentialType {
	name = 'keylineApi';

	displayName = 'Keyline API';

	icon: Icon = { light: 'file:../icons/keyline.svg', dark: 'file:../icons/keyline.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-instantcard-keyline/n8n-nodes-instantcard-keyline#keyline-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: '64 characters, 0-9 and a-f',
			description: 'Created in Keyline under Settings → API. 64 hexadecimal characters.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: KEYLINE_DEFAULT_URL,
			required: true,
			description:
				"The Inbox API of your print shop's Keyline. Change it only if the print shop runs Keyline on another host.",
		},
		{
			// Not a secret: a fingerprint of the key and URL last verified, so the check runs once.
			displayName: 'Verified Key',
			name: 'verifiedKey',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	/**
	 * Runs before the first request with this credential and after any 401, and on every
	 * credential test: checks the key's format and tells a rejected key from a wrong URL.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { verifiedKey: await verifyKeylineCredential(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: KEYLINE_AUTHORIZATION,
			},
		},
	};

	// preAuthentication has done the real check by the time this runs; any answer of the
	// Inbox API (a 404 for cart 0 with a valid key) passes.
	test: ICredentialTestRequest = {
		request: {
			baseURL: KEYLINE_BASE_URL,
			url: '/carts/0',
			ignoreHttpStatusErrors: true,
		},
	};
}
