import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import lantu from './eslint/layers.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off', // TypeScript checks this better
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'no-console': 'error',
			// Lantu is served at the site root (no paths.base), so plain hrefs are already resolved.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error'
		}
	},
	{
		// The collab server and the domain code it imports run outside SvelteKit's module system
		// boundaries: no $app/*, $env/*, or components there (STYLE.md "shape of the house").
		files: [
			'server/**/*.ts',
			'src/lib/server/**/*.ts',
			'src/lib/standard/**/*.ts',
			'src/lib/templates/**/*.ts',
			'src/lib/conformance/**/*.ts',
			'src/lib/roles.ts'
		],
		ignores: ['src/lib/server/guards.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$app/*', '$env/*'],
							message:
								'server/ and shared domain code must not depend on SvelteKit runtime modules.'
						},
						{ group: ['*.svelte'], message: 'No components in server or domain code.' }
					]
				}
			]
		}
	},
	{
		// Which folder may import which (docs/ARCHITECTURE.md "Layers"; the table is in the rule).
		files: ['src/**', 'server/**'],
		plugins: { lantu },
		rules: { 'lantu/layers': 'error' }
	},
	{
		// Tests and scripts print progress; benchmarks print their report.
		files: ['tests/**', 'bench/**', 'scripts/**', '.ci/**'],
		rules: { 'no-console': 'off' }
	}
);
