import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { DrillDown } from "../../drill-down";

export const metadata: Metadata = { title: "Policy compliance" };

export default async function PolicyCompliancePage({ params, searchParams }: { params: Promise<{ policyId: string }>; searchParams: SearchParams }) {
  await requirePageUser("viewer");
  const { policyId } = await params;
  return <DrillDown target={{ policyId }} monitorId={firstParam((await searchParams).monitor)} />;
}
