"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { controlClass } from "@/components/ui/field";

/** Status and node filters kept in the URL, so a filtered list can be shared and survives a reload. */
export function RunFilters({ nodes, statuses }: { nodes: Array<{ id: string; name: string }>; statuses: readonly string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("page");
    router.push(`${pathname}${next.size > 0 ? `?${next}` : ""}`);
  };
  return (
    <div className="flex flex-wrap gap-3">
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Status</span>
        <select className={controlClass} value={params.get("status") ?? ""} onChange={(e) => set("status", e.target.value)} aria-label="Status">
          <option value="">All</option>
          {statuses.map((status) => (
            <option key={status}>{status}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Node</span>
        <select className={controlClass} value={params.get("node") ?? ""} onChange={(e) => set("node", e.target.value)} aria-label="Node">
          <option value="">All nodes</option>
          {nodes.map((node) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
