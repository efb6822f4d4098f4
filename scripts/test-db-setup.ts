// vitest globalSetup: integration tests get their own fresh, migrated database unless `npm test` already made one.
import { createTestDatabase } from "@/lib/database/test-database";

export default async function setup() {
  if (process.env.TEST_DATABASE_READY) return;
  const database = await createTestDatabase("vitest");
  process.env.DATABASE_URL = database.url;
  process.env.TEST_DATABASE_READY = "1";
  return () => database.drop();
}
