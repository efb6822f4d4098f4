// `npm run db -- <prisma args>`: the Prisma CLI against the app's database (DATABASE_URL or the embedded one),
// e.g. `npm run db -- migrate dev --name add_field` or `npm run db -- migrate status`.
import { runPrisma } from "@/lib/database/migrate";
import { resolveDatabase } from "@/lib/database/resolve-database";

const database = await resolveDatabase();
try {
  await runPrisma(process.argv.slice(2), database.url);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await database.stop();
}
