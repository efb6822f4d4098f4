// vitest setupFiles: each parallel worker runs its test files on its own copy of the run's migrated test database.
// Chosen before the test file imports the app's database client, which reads DATABASE_URL once.
import { createWorkerCopy, workerCopyName } from "@/lib/database/test-database-copy";

// A worker process runs several files and keeps its environment between them: the original is remembered once.
process.env.TEST_DATABASE_ORIGINAL_URL ??= process.env.DATABASE_URL!;
const original = process.env.TEST_DATABASE_ORIGINAL_URL;
const worker = process.env.VITEST_POOL_ID ?? "1";
if (new URL(process.env.DATABASE_URL!).pathname.slice(1) !== workerCopyName(original, worker)) {
  process.env.DATABASE_URL = await createWorkerCopy(original, worker);
}
