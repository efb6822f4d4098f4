"use client";
// Compliance over time: the rate as a line (left axis, percent) and failing pairs as bars (right axis). Rendered
// in the browser only: Recharts sets its styles through the DOM there, which the app's CSP allows (inline style
// attributes in server HTML it would refuse).
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketLabel } from "./format";

export interface TrendDatum {
  bucket: string;
  complianceRate: number | null;
  failing: number;
}

export function TrendChart({ points, unit }: { points: TrendDatum[]; unit: "hour" | "day" }) {
  const data = points.map((point) => ({
    label: bucketLabel(point.bucket, unit),
    rate: point.complianceRate === null ? null : Number(point.complianceRate.toFixed(1)),
    failing: point.failing,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa55" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={24} />
        <YAxis yAxisId="rate" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} width={44} />
        <YAxis yAxisId="failing" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="failing" dataKey="failing" name="Failing pairs" fill="#ef4444" fillOpacity={0.6} maxBarSize={48} isAnimationActive={false} />
        <Line yAxisId="rate" dataKey="rate" name="Compliance %" stroke="#2563eb" strokeWidth={2} dot={data.length < 40} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
