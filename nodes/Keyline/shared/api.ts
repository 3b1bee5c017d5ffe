import type { ApiProfile } from '../../shared/errors';
import { requestHook } from '../../shared/transport';

export const KEYLINE: ApiProfile = {
	name: 'Keyline',
	hints: {
		400: 'A required part of the request was missing. Fill in the fields the operation asks for.',
		401: 'Keyline received no API key. Check the API Key of the Keyline credential.',
		403: 'Keyline rejected the API key ("Bad token"): it may have been revoked or belong to another Keyline account. Create or copy one in Keyline under Settings → API.',
		404: 'Check the ID, and that it belongs to the account of the API key. A cart that has been checked out is gone: work with its order instead.',
		422: 'Keyline did not accept these values. Each field is named with what Keyline said about it.',
	},
};

export const sendRequest = requestHook(KEYLINE);

export {
	KEYLINE_BASE_URL as BASE_URL,
	keylineBaseUrl,
} from '../../../credentials/keylineKey';
