"use client";
// Re-reads the server-rendered page while a snapshot is queued or running, so its result appears without a reload.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhile({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return active ? (
    <p role="status" className="text-sm text-zinc-500" data-testid="snapshot-in-progress">
      A snapshot is in progress; this page updates when it finishes.
    </p>
  ) : null;
}
