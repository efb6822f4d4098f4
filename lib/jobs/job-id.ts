import { createHash } from "node:crypto";

/**
 * A job id derived from what the job is for (e.g. one snapshot): pg-boss inserts jobs with ON CONFLICT DO
 * NOTHING, so sending the same job twice, from any process, queues it once. Formatted as a UUID (version 5 bits).
 */
export function jobIdFor(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
