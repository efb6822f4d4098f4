"use client";
import { useState, useTransition } from "react";
import { deleteCredential } from "@/app/actions/delete-credential";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

/** Deleting asks first and names the saved nodes that would lose their credential. */
export function DeleteCredentialButton({ id, name, usedBy }: { id: string; name: string; usedBy: string[] }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button variant="ghost" aria-label={`Delete ${name}`} onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete “${name}”?`}
        danger
        pending={pending}
        error={error}
        confirmLabel={pending ? "Deleting…" : "Delete credential"}
        onCancel={() => {
          setOpen(false);
          setError(undefined);
        }}
        onConfirm={() =>
          startTransition(async () => {
            const result = await deleteCredential({ id });
            if (result.ok) setOpen(false);
            else setError(result.error.message);
          })
        }
        message={
          <>
            <p>The encrypted secret is destroyed. This cannot be undone.</p>
            {usedBy.length > 0 ? (
              <div data-testid="delete-usage">
                <p>These saved nodes use it and will have no credential until you choose another:</p>
                <ul className="list-disc pl-5">
                  {usedBy.map((node) => (
                    <li key={node}>{node}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p data-testid="delete-usage">No saved node uses it.</p>
            )}
          </>
        }
      />
    </>
  );
}
