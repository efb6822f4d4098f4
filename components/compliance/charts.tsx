"use client";
// The charts load after the page (Recharts stays out of the first load) and only in the browser (see trend-chart.tsx).
import dynamic from "next/dynamic";

function ChartLoading() {
  return (
    <div className="flex h-full items-center justify-center text-sm text-zinc-500" role="status">
      Drawing chart…
    </div>
  );
}

export const TrendChart = dynamic(() => import("./trend-chart").then((m) => m.TrendChart), { ssr: false, loading: ChartLoading });
export const FailingPoliciesChart = dynamic(() => import("./failing-policies-chart").then((m) => m.FailingPoliciesChart), { ssr: false, loading: ChartLoading });
