import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "./user-schemas";

const problem = (password: string) => newPasswordSchema.safeParse(password).error?.issues[0]?.message;

describe("new password policy", () => {
  it("needs 12 characters", () => {
    expect(problem("short pass")).toBe("Use at least 12 characters");
  });

  it("refuses common passwords of 12 or more characters, whatever their case", () => {
    for (const common of ["qwerty123456", "1q2w3e4r5t6y", "QAZWSXEDCRFV", "LeaveMeAlone"]) {
      expect(problem(common), common).toMatch(/commonly used/);
    }
  });

  it("accepts a passphrase", () => {
    expect(problem("correct horse battery staple")).toBeUndefined();
    expect(problem("viewer's own passphrase 42")).toBeUndefined();
  });
});
