// A schedule (compliance monitors, drift checks): presets (every 15 minutes, hourly, daily at HH:MM) or a five-field cron, always with an
// IANA time zone. Everything becomes one cron expression; pg-boss's clock fires at most once a minute, so
// expressions with a seconds field are refused rather than silently coarsened.
import cronParser from "cron-parser";
import { z } from "zod";

export const SCHEDULE_KINDS = ["every15min", "hourly", "daily", "cron"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** The canonical IANA name of a time zone, or undefined when the runtime does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const timezone = z
  .string()
  .trim()
  .max(64)
  .default("UTC")
  .transform((value, ctx) => {
    const canonical = canonicalTimeZone(value);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a time zone; use an IANA name such as UTC, Europe/Berlin or America/New_York` });
      return z.NEVER;
    }
    return canonical;
  });

/** Problems with a cron expression in words, or undefined when it is valid. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `needs 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}${fields.length === 6 ? "; schedules run at most once a minute, so there is no seconds field" : ""}`;
  }
  try {
    cronParser.parseExpression(expression, { tz: "UTC" });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : "is not a valid cron expression";
  }
}

const cronExpression = z
  .string()
  .trim()
  .min(1, "enter a cron expression, e.g. 0 * * * *")
  .max(200)
  .superRefine((value, ctx) => {
    const problem = cronProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `cron ${problem}` });
  });

export const scheduleInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("every15min"), timezone }).strict(),
    z.object({ kind: z.literal("hourly"), timezone }).strict(),
    z
      .object({
        kind: z.literal("daily"),
        time: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time must be HH:MM on a 24-hour clock, e.g. 06:30"),
        timezone,
      })
      .strict(),
    z.object({ kind: z.literal("cron"), cron: cronExpression, timezone }).strict(),
  ],
  { error: `schedule.kind must be one of ${SCHEDULE_KINDS.join(", ")}` },
);
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

/** The cron expression a schedule runs on. */
export function cronOf(schedule: ScheduleInput): string {
  switch (schedule.kind) {
    case "every15min":
      return "*/15 * * * *";
    case "hourly":
      return "0 * * * *";
    case "daily": {
      const [hour, minute] = schedule.time.split(":").map(Number);
      return `${minute} ${hour} * * *`;
    }
    case "cron":
      return schedule.cron.split(/\s+/).join(" ");
  }
}

/** The columns a schedule is stored in (monitors, baselines); scheduleFromStored reads them back. */
export function scheduleToStored(schedule: ScheduleInput): { scheduleKind: ScheduleKind; cron: string; timezone: string } {
  return { scheduleKind: schedule.kind, cron: cronOf(schedule), timezone: schedule.timezone };
}

/** The schedule as stored (kind, cron, zone) back in the shape it was given. */
export function scheduleFromStored(stored: { scheduleKind: string; cron: string; timezone: string }): ScheduleInput {
  const { scheduleKind: kind, cron, timezone: zone } = stored;
  if (kind === "every15min" || kind === "hourly") return { kind, timezone: zone };
  if (kind === "daily") {
    const [minute, hour] = cron.split(" ");
    return { kind, time: `${hour!.padStart(2, "0")}:${minute!.padStart(2, "0")}`, timezone: zone };
  }
  return { kind: "cron", cron, timezone: zone };
}

export function describeSchedule(schedule: ScheduleInput): string {
  const zone = schedule.timezone === "UTC" ? "UTC" : schedule.timezone;
  switch (schedule.kind) {
    case "every15min":
      return "Every 15 minutes";
    case "hourly":
      return "Every hour, on the hour";
    case "daily":
      return `Daily at ${schedule.time} (${zone})`;
    case "cron":
      return `Cron ${schedule.cron} (${zone})`;
  }
}

/** The latest occurrence of the schedule at or before `now`. */
export function latestOccurrence(cron: string, timezone: string, now: Date): Date {
  // prev() is strictly before currentDate; a millisecond later makes an occurrence at exactly `now` count.
  return cronParser.parseExpression(cron, { tz: timezone, currentDate: new Date(now.getTime() + 1) }).prev().toDate();
}

/** The next occurrence strictly after `after`. */
export function nextOccurrence(cron: string, timezone: string, after: Date): Date {
  return cronParser.parseExpression(cron, { tz: timezone, currentDate: after }).next().toDate();
}
