/**
 * Five projects: pure logic of the source without any server (unit), the emulators alone
 * (sandbox), the nodes through n8n-core's engine (engine), a real n8n (e2e), and the platforms
 * users run n8n on (platforms: queue mode with workers, the editor in a real browser, an AI
 * Agent), which need Redis, PostgreSQL and Chromium: `npm run test:platforms`, not `npm test`.
 */
const common = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	// dist/ and the real n8n install hold package.json files that would shadow ours.
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.n8n-e2e/', '<rootDir>/.test-instances/'],
};

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'sandbox', testMatch: ['<rootDir>/test/sandbox/**/*.test.ts'] },
		{ ...common, displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.ts'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
		{ ...common, displayName: 'platforms', testMatch: ['<rootDir>/test/platforms/**/*.test.ts'] },
	],
};
