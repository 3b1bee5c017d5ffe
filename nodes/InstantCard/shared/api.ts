import { pagedRequestHook, requestHook } from '../../shared/transport';

export const INSTANTCARD = { name: 'InstantCard' };

export const sendRequest = requestHook(INSTANTCARD);
export const sendPagedRequest = pagedRequestHook(INSTANTCARD);

/** Every resource but the profile lives under the credential's organization. */
export const ORG = "/organizations/{{ String($credentials.organizationId).trim() }}";

/** Same rule as the credential's `instantCardBaseUrl`, evaluated by n8n for each request. */
export const BASE_URL =
	"={{ ($credentials.environment === 'custom' ? $credentials.url : $credentials.environment).trim().replace(/\\/+$/, '') }}";
