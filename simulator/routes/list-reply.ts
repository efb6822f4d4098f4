import type { PageResult } from "../query";
import type { Reply } from "../router";

/** A bare-array list answer; names the simulator did not recognise are reported in x-simulator-warning. */
export function withListHeaders<T>(page: PageResult<T>): Reply {
  const headers: Record<string, string> = {};
  if (page.unknownFields.length > 0) {
    headers["x-simulator-warning"] = `unknown field(s) ${page.unknownFields.join(", ")}: filters on them match only "ne", sorts on them are no-ops`;
  }
  return { status: 200, body: page.items, headers };
}
