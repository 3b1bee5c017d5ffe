/**
 * The routing of one Keyline operation from its method and path template, e.g.
 * `keylineRoute('PATCH', '/carts/{cartId}/products/{productId}')`. Every operation gets the same
 * treatment: IDs checked before sending, the answer unwrapped, and 204s turned into the record
 * (updates read it again, deletes read it just before).
 */
import type {
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { resolvePath, templatesOf, type PathTemplate } from './ids';
import { outputDeleted, outputRecords, outputUpdated, readRecordBeforeDelete } from './output';
import { explainedReadFirst, failExplained, type About, type Dynamic } from './refusals';

export interface KeylineRouteOptions {
	/** Steps that build the body, run after the URL and its IDs are checked. */
	preSend?: PreSendAction[];
	/**
	 * Replaces the default output step: the unwrapped answer for GET/POST, the record read again
	 * for PATCH, the record read before for DELETE.
	 */
	postReceive?: PostReceiveAction[];
	/** Extra request options, e.g. `{ disableFollowRedirect: true, ignoreHttpStatusErrors: true }`. */
	request?: Partial<IHttpRequestOptions>;
	/**
	 * What the endpoint holds, to explain refusals for what the user was doing (nothing set yet,
	 * the customer still missing, an ID the print shop does not know) instead of generally.
	 */
	about?: Dynamic<About>;
}

/**
 * preSend: the path of this item, with every ID in it checked. The function carries its
 * templates, so a test can list the endpoints the node reaches from its description alone.
 */
export function keylineUrl(template: PathTemplate): PreSendAction & { templates: string[] } {
	const setUrl = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		options.url = resolvePath(this, template);
		return options;
	};
	return Object.assign(setUrl, { templates: templatesOf(template) });
}

export function keylineRoute(
	method: IHttpRequestMethods,
	template: PathTemplate,
	options: KeylineRouteOptions = {},
): INodePropertyRouting {
	const { about } = options;
	const preSend: PreSendAction[] = [keylineUrl(template), ...(options.preSend ?? [])];
	let postReceive: PostReceiveAction[] = [outputRecords];
	if (method === 'PATCH') postReceive = [outputUpdated(template)];
	if (method === 'DELETE' && !options.postReceive) {
		preSend.splice(1, 0, about ? explainedReadFirst(about) : readRecordBeforeDelete);
		postReceive = [outputDeleted];
	}
	postReceive = options.postReceive ?? postReceive;
	// To explain a refusal, the answer must reach the output step instead of failing the request.
	if (about) postReceive = [failExplained(method, template, about), ...postReceive];
	return {
		request: {
			method,
			...(about ? { ignoreHttpStatusErrors: true } : {}),
			...(options.request ?? {}),
		},
		send: { preSend },
		output: { postReceive },
	};
}
