import type { PageResult } from "../query";
import type { Reply } from "../router";

/**
 * A bare-array list answer; names the simulator did not recognise are reported in x-simulator-warning.
 * `totalCount` adds x-total-count, which JumpCloud sends on group lists (api-notes 1.5) but not on policy lists.
 */
export function withListHeaders<T>(page: PageResult<T>, { totalCount = false } = {}): Reply {
  const headers = simulatorWarning(page.unknownFields);
  if (totalCount) headers["x-total-count"] = String(page.total);
  return { status: 200, body: page.items, headers };
}

/** Names fields a resource does not have: filters on them match only negations (ne, $ne, $nin), sorts on them are no-ops. */
export function simulatorWarning(unknownFields: readonly string[]): Record<string, string> {
  const names = [...new Set(unknownFields)];
  return names.length === 0 ? {} : { "x-simulator-warning": `unknown field(s) ${names.join(", ")}: filters on them match only "ne", sorts on them are no-ops` };
}
