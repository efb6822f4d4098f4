import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { DrillDown } from "../../drill-down";

export const metadata: Metadata = { title: "System compliance" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SystemCompliancePage({ params, searchParams }: { params: Promise<{ systemId: string }>; searchParams: Search }) {
  await requirePageUser("viewer");
  const { systemId } = await params;
  const monitor = (await searchParams).monitor;
  return <DrillDown target={{ systemId: systemId }} monitorId={typeof monitor === "string" && monitor !== "" ? monitor : undefined} />;
}
