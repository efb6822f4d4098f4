import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | undefined;

/**
 * The 49,233 most common passwords of zxcvbn-ts's common dictionary (MIT, from public breach corpora),
 * compared case-insensitively. Loaded on first use (about 50 ms): only password-setting actions need it.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}
