"use client";
import { usePathname, useRouter } from "next/navigation";
import { SelectField } from "@/components/ui/field";

/** Narrows the audit log to one action; the choice lives in the URL so it can be shared and paged. */
export function AuditActionFilter({ actions, current }: { actions: string[]; current?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <div className="w-72">
      <SelectField
        label="Action"
        value={current ?? ""}
        onChange={(event) => router.push(event.target.value ? `${pathname}?action=${encodeURIComponent(event.target.value)}` : pathname)}
      >
        <option value="">All actions</option>
        {actions.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
