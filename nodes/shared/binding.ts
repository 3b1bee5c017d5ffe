/**
 * How both credentials decide, before every request, whether what they hold may be used.
 *
 * n8n runs a credential's `preAuthentication` only when its hidden expirable field is empty or
 * after the server answered 401. That alone reuses a token (or a key check) obtained with
 * values the user has since changed, and a credential Test never logs in once a token is
 * stored. So `authenticate` (run before every request, Tests included) checks that what is held
 * was obtained with the values in the form. When it was not, or when the request is a Test,
 * it refuses before anything is sent, in the shape n8n-core reads as a 401: n8n then runs
 * `preAuthentication` (the login or key check, with the form's values) and sends the request
 * once more. Nothing extra goes over the network.
 *
 * `authenticate` also says where a request goes. The nodes and the credential Tests state their
 * requests below the API root (`/carts/9981`); the credential puts the root it points at in
 * front. A base-URL expression on the node would do the same, but n8n evaluates it twice for
 * every item, and in n8n 2.x each evaluation is a call into its expression isolate: that was
 * 40% of a one-ID Get's node time.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { registerSecrets } from './secrets';
import { checkTimeout } from './timeouts';

/** Set on a credential's `test.request`; removed before the request is sent. */
export const CREDENTIAL_TEST_HEADER = 'x-n8n-credential-test';

/** The credential objects of Tests that have logged in / checked the key already. */
const testsChecked = new WeakSet<object>();
/** A URL with a scheme: sent as it is (the side calls, or another node using the credential). */
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;

/** The bound of the request each credential object is being used for (for its login). */
const requestBounds = new WeakMap<object, number>();

/** What n8n-core's `httpRequestWithAuthentication` takes for "token refused": re-authenticate, retry once. */
function refusedBeforeSending(reason: string): Error {
	return Object.assign(new Error(reason), { response: { status: 401 } });
}

/**
 * The first step of `authenticate`. Throws the 401 shape when this is a Test that has not
 * checked the form yet, or when `usable` (what is held, or what this process can hand over for
 * the same values) says no; otherwise returns and the request goes on.
 */
export async function authorize(
	credentials: IDataObject,
	requestOptions: IHttpRequestOptions,
	usable: () => Promise<boolean>,
): Promise<void> {
	const headers = (requestOptions.headers ?? {}) as IDataObject;
	const marker = Object.keys(headers).filter((h) => h.toLowerCase() === CREDENTIAL_TEST_HEADER);
	for (const name of marker) delete headers[name];
	if (typeof requestOptions.timeout === 'number')
		requestBounds.set(credentials, requestOptions.timeout);
	if (marker.length && !testsChecked.has(credentials)) {
		testsChecked.add(credentials);
		throw refusedBeforeSending('credential test: check the values in the form');
	}
	if (!(await usable())) throw refusedBeforeSending('held for other credential values');
}

/**
 * The hidden field that says what the held token or key check was obtained with. Expirable, so
 * n8n clears it when the server refuses the credential; never empty before a check, so n8n
 * always asks `authenticate` first, which decides.
 */
export function bindingField(displayName: string, name: string): INodeProperties {
	return { displayName, name, type: 'hidden', typeOptions: { expirable: true }, default: 'none' };
}

/**
 * `authenticate` of both credentials: registers the secrets to scrub, puts the API root in front
 * of a request stated below it (and lets the API fill in what the path takes from the
 * credential), runs the check of `authorize`, then adds the headers, built after it (the check
 * may hand over a fresher token for the same values).
 */
export function boundAuthentication(how: {
	secrets: (credentials: IDataObject) => unknown[];
	/** The API root the credential points at, without a trailing slash. */
	apiRoot: (credentials: IDataObject) => string;
	/** A path below the root with what it takes from the credential filled in. */
	path?: (path: string, credentials: IDataObject) => string;
	usable: (credentials: IDataObject) => Promise<boolean>;
	headers: (credentials: IDataObject) => Record<string, string>;
}) {
	return async function authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		registerSecrets(how.secrets(credentials));
		// The same object as the node's request: what its errors name is what was sent. Once
		// placed (n8n authenticates a request again after a fresh login), it stays.
		if (!requestOptions.baseURL && !ABSOLUTE_URL.test(requestOptions.url)) {
			requestOptions.baseURL = how.apiRoot(credentials);
			if (how.path) requestOptions.url = how.path(requestOptions.url, credentials);
		}
		await authorize(credentials, requestOptions, async () => await how.usable(credentials));
		requestOptions.headers = { ...requestOptions.headers, ...how.headers(credentials) };
		return requestOptions;
	};
}

/**
 * A credential's Test: a request below the API root, marked so that `authenticate` makes n8n
 * check the values in the form first (a login or key check), whatever is held.
 */
export function credentialTest(
	url: string,
	options: { ignoreHttpStatusErrors?: boolean; rules?: ICredentialTestRequest['rules'] } = {},
): ICredentialTestRequest {
	const { ignoreHttpStatusErrors, rules } = options;
	return {
		request: {
			url,
			headers: { [CREDENTIAL_TEST_HEADER]: '1' },
			...(ignoreHttpStatusErrors ? { ignoreHttpStatusErrors } : {}),
		},
		...(rules ? { rules } : {}),
	};
}

/** Whether this credential object belongs to a Test (which must check, never reuse). */
export function isCredentialTest(credentials: object): boolean {
	return testsChecked.has(credentials);
}

/** How long a login or key check for this credential object may take. */
export function loginTimeout(credentials: object): number {
	return checkTimeout(requestBounds.get(credentials));
}
