import { INSTANTCARD_BASE_URL } from './login';
import { pagedRequestHook, requestHook } from '../../shared/transport';

export const INSTANTCARD = { name: 'InstantCard' };

export const sendRequest = requestHook(INSTANTCARD);
export const sendPagedRequest = pagedRequestHook(INSTANTCARD);

/** `={{ x }}` → `x`: the code of a value that is one expression. */
function expressionCode(value: string): string {
	const match = /^=\{\{([\s\S]*)\}\}$/.exec(value);
	if (!match) throw new Error(`Not a one-expression value: ${value}`);
	return match[1].trim();
}

/**
 * The node's base URL: the API root as the credential gives it, then `/organizations/<id>` of the
 * credential, under which every path but the profile's lives. One expression, which n8n evaluates
 * for every item anyway; the paths of the operations are written below it (`/cards/{cardId}`).
 */
export const ORGANIZATION_BASE_URL = `={{ ${expressionCode(INSTANTCARD_BASE_URL)} + '/organizations/' + String($credentials.organizationId).trim() }}`;

/** InstantCard's writes take their fields as a form. */
export const FORM_HEADERS = { 'Content-Type': 'application/x-www-form-urlencoded' };
