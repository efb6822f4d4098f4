// Files some tests read from ../shared beside the project (JumpCloud's official OpenAPI specs, the integration
// guide). A fresh clone elsewhere may lack them: such a test is skipped there, naming the file, but fails under CI,
// where a missing file means the check silently did not run.
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const projectRoot = path.resolve(import.meta.dirname, "../..");

/** The absolute path of a file under ../shared, e.g. `sharedFile("jumpcloud/openapi-v2.yaml")`. */
export function sharedFile(relative: string): string {
  return path.resolve(projectRoot, "../shared", relative);
}

/**
 * Call first in a test (or a beforeEach) that needs `file`: returns when it exists; otherwise fails under CI and
 * skips elsewhere, both naming the file.
 */
export function needSharedFile(skip: (note?: string) => void, file: string): void {
  if (existsSync(file)) return;
  const reason = `${file} is missing (tests read it from ../shared beside the project)`;
  if (env().CI) throw new Error(`${reason}; CI is set, so this test fails instead of skipping`);
  skip(`skipped: ${reason}`);
}
