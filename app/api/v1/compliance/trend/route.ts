import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { parseQuery, trendQuerySchema } from "@/lib/compliance/compliance-api";
import { complianceTrend } from "@/lib/compliance/compliance-queries";
import { canonicalTimeZone } from "@/lib/schedules/schedule";
import { AppError } from "@/lib/errors/app-error";

export const GET = apiRoute(API_ENDPOINTS.complianceTrend, async (request) => {
  const query = parseQuery(request, trendQuerySchema);
  const timezone = canonicalTimeZone(query.timezone);
  if (!timezone) throw new AppError("invalid", `timezone: "${query.timezone}" is not a time zone; use an IANA name such as UTC or Europe/Berlin.`, { path: "timezone" });
  const to = query.to ?? new Date();
  const from = query.from ?? new Date(to.getTime() - (query.bucket === "hour" ? 48 * 3_600_000 : 30 * 86_400_000));
  if (from >= to) throw new AppError("invalid", "from must be before to.");
  // Proportionate answers: at most about a year of days or a month of hours per request.
  const span = query.bucket === "hour" ? 31 * 86_400_000 : 400 * 86_400_000;
  if (to.getTime() - from.getTime() > span) throw new AppError("invalid", `At most ${query.bucket === "hour" ? "31 days of hours" : "400 days"} per request; narrow from/to.`);
  return NextResponse.json(await complianceTrend({ ...query, from, to, timezone }));
});
