/** Both emulators together, for `npm run sandbox`, `npm start` and the end-to-end tests. */
import { INSTANTCARD_SANDBOX_LOGIN, InstantCardSandbox } from './instantcard';
import { KEYLINE_SANDBOX_API_KEY, KeylineSandbox } from './keyline';

export { INSTANTCARD_SANDBOX_LOGIN, InstantCardSandbox, KEYLINE_SANDBOX_API_KEY, KeylineSandbox };

export interface Sandboxes {
	instantCard: InstantCardSandbox;
	keyline: KeylineSandbox;
	stop(): Promise<void>;
}

export async function startSandboxes(
	ports: { instantCard?: number; keyline?: number } = {},
): Promise<Sandboxes> {
	const instantCard = new InstantCardSandbox();
	const keyline = new KeylineSandbox();
	await instantCard.start({ port: ports.instantCard ?? 0 });
	await keyline.start({ port: ports.keyline ?? 0 });
	return {
		instantCard,
		keyline,
		stop: async () => {
			await instantCard.stop();
			await keyline.stop();
		},
	};
}

/** Credentials as n8n stores them (`import:credentials` format), pointing at the sandboxes. */
export function sandboxCredentials(sandboxes: Pick<Sandboxes, 'instantCard' | 'keyline'>) {
	return [
		{
			id: 'icSandboxCred01',
			name: 'InstantCard sandbox',
			type: 'instantCardApi',
			data: {
				environment: 'custom',
				url: sandboxes.instantCard.baseUrl,
				email: INSTANTCARD_SANDBOX_LOGIN.email,
				password: INSTANTCARD_SANDBOX_LOGIN.password,
				organizationId: INSTANTCARD_SANDBOX_LOGIN.organizationId,
				sessionToken: '',
			},
		},
		{
			id: 'klSandboxCred01',
			name: 'Keyline sandbox',
			type: 'keylineApi',
			data: { apiKey: KEYLINE_SANDBOX_API_KEY, baseUrl: sandboxes.keyline.baseUrl },
		},
	];
}

export function describeSandboxes(sandboxes: Pick<Sandboxes, 'instantCard' | 'keyline'>): string {
	return [
		'InstantCard sandbox',
		`  Credential "InstantCard API": Environment = Custom URL`,
		`  URL:             ${sandboxes.instantCard.baseUrl}`,
		`  Email:           ${INSTANTCARD_SANDBOX_LOGIN.email}`,
		`  Password:        ${INSTANTCARD_SANDBOX_LOGIN.password}`,
		`  Organization ID: ${INSTANTCARD_SANDBOX_LOGIN.organizationId}`,
		`  Control:         ${sandboxes.instantCard.url}/__control/state (requests, faults, clock, reset)`,
		'',
		'Keyline sandbox',
		`  Credential "Keyline API"`,
		`  API Key:  ${KEYLINE_SANDBOX_API_KEY}`,
		`  Base URL: ${sandboxes.keyline.baseUrl}`,
		`  Control:  ${sandboxes.keyline.url}/__control/state`,
	].join('\n');
}
