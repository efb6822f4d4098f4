import { describe, expect, it } from "vitest";
import { cronOf, describeSchedule, latestOccurrence, nextOccurrence, scheduleFromStored, scheduleInputSchema } from "@/lib/schedules/schedule";

const parse = (input: unknown) => scheduleInputSchema.safeParse(input);
const firstMessage = (input: unknown) => {
  const result = parse(input);
  return result.success ? undefined : result.error.issues[0]!.message;
};

describe("monitor schedules", () => {
  it("turns the presets and daily times into cron, defaulting to UTC", () => {
    expect(cronOf(scheduleInputSchema.parse({ kind: "every15min" }))).toBe("*/15 * * * *");
    expect(cronOf(scheduleInputSchema.parse({ kind: "hourly" }))).toBe("0 * * * *");
    const daily = scheduleInputSchema.parse({ kind: "daily", time: "06:05", timezone: "Europe/Berlin" });
    expect(cronOf(daily)).toBe("5 6 * * *");
    expect(describeSchedule(daily)).toBe("Daily at 06:05 (Europe/Berlin)");
    expect(scheduleInputSchema.parse({ kind: "hourly" }).timezone).toBe("UTC");
  });

  it("reads a stored schedule back in the shape it was given", () => {
    for (const input of [{ kind: "every15min" }, { kind: "hourly", timezone: "Asia/Tokyo" }, { kind: "daily", time: "23:59", timezone: "UTC" }, { kind: "cron", cron: "0 9 * * 1-5", timezone: "America/New_York" }]) {
      const schedule = scheduleInputSchema.parse(input);
      expect(scheduleFromStored({ scheduleKind: schedule.kind, cron: cronOf(schedule), timezone: schedule.timezone })).toEqual(schedule);
    }
  });

  it("refuses what would not run as written, saying what to fix", () => {
    expect(firstMessage({ kind: "cron", cron: "*/5 * * * * *" })).toMatch(/5 fields.*no seconds field/);
    expect(firstMessage({ kind: "cron", cron: "61 * * * *" })).toMatch(/cron .*61/);
    expect(firstMessage({ kind: "daily", time: "6:30" })).toMatch(/HH:MM/);
    expect(firstMessage({ kind: "daily", time: "24:00" })).toMatch(/HH:MM/);
    expect(firstMessage({ kind: "hourly", timezone: "Mars/Olympus" })).toMatch(/not a time zone.*IANA/);
    expect(firstMessage({ kind: "weekly" })).toMatch(/schedule.kind must be one of every15min, hourly, daily, cron/);
    expect(firstMessage({ kind: "hourly", extra: 1 })).toBeDefined();
  });

  it("finds the latest occurrence at or before now in the monitor's time zone, across a DST change", () => {
    const berlin = "Europe/Berlin";
    // 06:30 in Berlin is 05:30Z in winter (CET) and 04:30Z in summer (CEST).
    expect(latestOccurrence("30 6 * * *", berlin, new Date("2026-12-01T10:00:00Z")).toISOString()).toBe("2026-12-01T05:30:00.000Z");
    expect(latestOccurrence("30 6 * * *", berlin, new Date("2026-07-01T10:00:00Z")).toISOString()).toBe("2026-07-01T04:30:00.000Z");
    expect(latestOccurrence("30 6 * * *", berlin, new Date("2026-12-01T05:00:00Z")).toISOString()).toBe("2026-11-30T05:30:00.000Z");
    // An occurrence exactly now counts.
    expect(latestOccurrence("*/15 * * * *", "UTC", new Date("2026-12-01T10:30:00.000Z")).toISOString()).toBe("2026-12-01T10:30:00.000Z");
    expect(nextOccurrence("*/15 * * * *", "UTC", new Date("2026-12-01T10:30:00.000Z")).toISOString()).toBe("2026-12-01T10:45:00.000Z");
  });
});
