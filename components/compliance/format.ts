// Display formats shared by the compliance and monitor pages. UTC and fixed, so server and browser render alike.

export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return "–";
  const date = typeof value === "string" ? new Date(value) : value;
  return `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${rate.toFixed(1)}%`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "–";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "+3", "−2", "±0" with the direction's meaning left to the caller. */
export function signed(delta: number, digits = 0): string {
  const text = Math.abs(delta).toFixed(digits);
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : `±${text}`;
}

/** A trend bucket's start in UTC: "12-01 09:00" for hours, "2026-12-01" for days. */
export function bucketLabel(bucket: string, unit: "hour" | "day"): string {
  const iso = new Date(bucket).toISOString();
  return unit === "hour" ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}
