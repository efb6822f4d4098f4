import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { DrillDown } from "../../drill-down";

export const metadata: Metadata = { title: "System compliance" };

export default async function SystemCompliancePage({ params, searchParams }: { params: Promise<{ systemId: string }>; searchParams: SearchParams }) {
  await requirePageUser("viewer");
  const { systemId } = await params;
  return <DrillDown target={{ systemId }} monitorId={firstParam((await searchParams).monitor)} />;
}
