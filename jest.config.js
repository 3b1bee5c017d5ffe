/** Three projects: the emulators alone, the nodes through n8n-core's engine, a real n8n. */
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
		{ ...common, displayName: 'sandbox', testMatch: ['<rootDir>/test/sandbox/**/*.test.ts'] },
		{ ...common, displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.ts'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
	],
};
