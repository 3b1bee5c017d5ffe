import { pagedRequestHook, requestHook } from '../../shared/transport';

export const INSTANTCARD = { name: 'InstantCard' };

export const sendRequest = requestHook(INSTANTCARD);
export const sendPagedRequest = pagedRequestHook(INSTANTCARD);

/** Every resource but the profile lives under the credential's organization. */
export const ORG = '/organizations/{{ String($credentials.organizationId).trim() }}';

export { INSTANTCARD_BASE_URL as BASE_URL } from '../../../credentials/instantCardLogin';
