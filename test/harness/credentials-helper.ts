/**
 * The credentials side of n8n's server, for in-process runs. It follows n8n's CLI
 * `CredentialsHelper`: generic `authenticate` expressions resolved through the workflow's
 * expression engine; `preAuthentication` only when the expirable field is empty or the token
 * was rejected, its result stored as the database would store it; credentials read fresh from
 * the "database" for every request.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export class TestCredentialsHelper extends ICredentialsHelper {
	/** What n8n's database would hold, by credential id (shared by helpers of several "processes"). */
	readonly store: Map<string, StoredCredential>;
	/** Every `preAuthentication` the engine asked for, and how many actually ran the hook. */
	readonly preAuthCalls: Array<{ type: string; expired: boolean; ran: boolean }> = [];
	/** How often a credential was saved after `preAuthentication` (n8n writes its database each time). */
	saves = 0;
	/** Which copy of the package this "process" runs (see `loadPackage`). */
	instance?: string;

	constructor(
		private readonly types: Map<string, ICredentialType>,
		store?: Map<string, StoredCredential>,
	) {
		super();
		this.store = store ?? new Map();
	}

	add(credential: StoredCredential): void {
		this.store.set(credential.id, { ...credential, data: { ...credential.data } });
	}

	private typeOf(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		return this.typeOf(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.typeOf(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.typeOf(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			for (const [outerKey, values] of Object.entries(authenticate.properties)) {
				const target = ((requestOptions as unknown as Record<string, unknown>)[outerKey] ??=
					{}) as Record<string, unknown>;
				for (const [key, value] of Object.entries(values as Record<string, string>)) {
					const resolve = (v: string) =>
						v.startsWith('=')
							? String(
									workflow.expression.getSimpleParameterValue(
										node,
										v,
										'internal',
										{ $credentials: credentials } as never,
										undefined,
										'',
									) ?? '',
								)
							: v;
					target[resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		const call = { type: typeName, expired: credentialsExpired, ran: false };
		this.preAuthCalls.push(call);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// n8n's credential test runs a noOp node with a `temp` parameter and always pre-authenticates.
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired &&
			!isTestingCredentials
		) {
			return undefined;
		}
		call.ran = true;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		// As n8n 2.40's CredentialsHelper: what the hook returned is merged into the *stored*
		// data (not into the values under test) and saved; the caller's copy gets it too.
		if (!node.credentials) return undefined;
		const details = node.credentials[typeName];
		const stored = details?.id ? this.store.get(details.id) : undefined;
		if (stored) {
			const persisted = { ...stored.data };
			for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
				const storedValue = stored.data[key];
				if (
					key === expirable.name ||
					!(typeof storedValue === 'string' && storedValue.startsWith('='))
				)
					persisted[key] = value;
			}
			stored.data = persisted;
			this.saves++;
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const stored = this.find(nodeCredentials, type);
		return {
			id: stored.id,
			name: stored.name,
			type: stored.type,
			getData: () => ({ ...stored.data }),
		} as unknown as ICredentials;
	}

	private find(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const stored = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		if (!stored || stored.type !== type) {
			throw new Error(
				`Credential ${nodeCredentials.id ?? nodeCredentials.name} of type ${type} not found`,
			);
		}
		return stored;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode: WorkflowExecuteMode,
		_executeData?: IExecuteData,
		_raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		// A copy with defaults applied, as n8n's helper returns: callers mutate it.
		const stored = this.find(nodeCredentials, type);
		const defaults = Object.fromEntries(
			this.typeOf(type)
				.properties.filter((p) => p.default !== undefined)
				.map((p) => [p.name, p.default]),
		);
		return { ...defaults, ...stored.data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.find(nodeCredentials, type).data = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
