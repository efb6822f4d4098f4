import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { needSharedFile, sharedFile } from "./shared-files";

const ci = process.env.CI;
afterEach(() => {
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
  resetEnvCache();
});

function withCi(value: string | undefined) {
  if (value === undefined) delete process.env.CI;
  else process.env.CI = value;
  resetEnvCache();
}

describe("needSharedFile", () => {
  const missing = sharedFile("jumpcloud/no-such-file.yaml");

  it("lets a test run when the file exists", () => {
    const skip = vi.fn();
    withCi("1");
    needSharedFile(skip, import.meta.filename);
    expect(skip).not.toHaveBeenCalled();
  });

  it("skips outside CI, naming the missing file", () => {
    const skip = vi.fn();
    withCi(undefined);
    needSharedFile(skip, missing);
    expect(skip).toHaveBeenCalledWith(`skipped: ${missing} is missing (tests read it from ../shared beside the project)`);
  });

  it("fails under CI instead of skipping", () => {
    const skip = vi.fn();
    withCi("1");
    expect(() => needSharedFile(skip, missing)).toThrow(`${missing} is missing`);
    expect(skip).not.toHaveBeenCalled();
  });
});
