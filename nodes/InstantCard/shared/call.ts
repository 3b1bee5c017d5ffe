/** InstantCard's side calls (see nodes/shared/call.ts): below the credential's organization. */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { ORGANIZATION_PATH } from './login';
import { apiCall, type CallApi, type CallContext } from '../../shared/call';
import { INSTANTCARD } from './api';

const INSTANTCARD_CALLS: CallApi = {
	profile: INSTANTCARD,
	credentialType: 'instantCardApi',
	prefix: ORGANIZATION_PATH,
};

/** One request to `path` under the credential's organization, e.g. `/print_jobs/81001/print`. */
export async function instantCardCall(
	context: CallContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
): Promise<unknown> {
	return await apiCall(context, INSTANTCARD_CALLS, { method, path, qs });
}
