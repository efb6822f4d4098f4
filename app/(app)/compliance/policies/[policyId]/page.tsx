import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { DrillDown } from "../../drill-down";

export const metadata: Metadata = { title: "Policy compliance" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PolicyCompliancePage({ params, searchParams }: { params: Promise<{ policyId: string }>; searchParams: Search }) {
  await requirePageUser("viewer");
  const { policyId } = await params;
  const monitor = (await searchParams).monitor;
  return <DrillDown target={{ policyId: policyId }} monitorId={typeof monitor === "string" && monitor !== "" ? monitor : undefined} />;
}
