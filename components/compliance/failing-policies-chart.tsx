"use client";
// Failing systems per policy as horizontal bars, most failing first; a bar opens that policy's systems.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface PolicyFailureDatum {
  policyId: string;
  label: string;
  failing: number;
  systems: number;
  href: string;
}

export function FailingPoliciesChart({ rows }: { rows: PolicyFailureDatum[] }) {
  const router = useRouter();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa55" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip />
        <Bar
          dataKey="failing"
          name="Failing systems"
          fill="#ef4444"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(entry) => {
            const href = (entry as { payload?: PolicyFailureDatum }).payload?.href;
            if (href) router.push(href);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
