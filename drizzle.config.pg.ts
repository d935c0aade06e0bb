import { defineConfig } from 'drizzle-kit';

/**
 * PostgreSQL migrations (issue 20): generated from schema.pg.ts into drizzle-pg/, beside the SQLite
 * ones in drizzle/ (drizzle.config.ts). `npm run db:generate` runs both; docs/POSTGRES.md says how
 * to add a migration to each.
 */
export default defineConfig({
	schema: './src/lib/server/db/schema.pg.ts',
	out: './drizzle-pg',
	dialect: 'postgresql',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/lantu' },
	strict: true,
	verbose: true
});
