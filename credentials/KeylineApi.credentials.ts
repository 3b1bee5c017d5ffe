import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { bindingField, credentialTest } from '../nodes/shared/binding';
import { checkKey, KEYLINE_DEFAULT_URL, sendKey } from '../nodes/Keyline/shared/keyCheck';

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
		// Not a secret: a fingerprint of the key and URL last checked.
		bindingField('Verified Key', 'verifiedKey'),
	];

	/** Checks the key before the first request with a key or URL not checked yet, after a 401, and on every Test. */
	preAuthentication = checkKey;

	/** Sends the key, or makes n8n check it first when this key and URL have not passed the check. */
	authenticate = sendKey;

	// `authenticate` makes every Test run the key check first; this request then shows that
	// the checked key reaches the API (any answer of the Inbox API, e.g. the 404 for cart 0).
	test: ICredentialTestRequest = credentialTest('/carts/0', { ignoreHttpStatusErrors: true });
}
