"use client";
import { useRef, useState, useTransition } from "react";
import { deleteCredential } from "@/app/actions/delete-credential";
import { Button } from "@/components/ui/button";

/** Deleting asks first and names the saved nodes that would lose their credential. */
export function DeleteCredentialButton({ id, name, usedBy }: { id: string; name: string; usedBy: string[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button variant="ghost" aria-label={`Delete ${name}`} onClick={() => dialog.current?.showModal()}>
        Delete
      </Button>
      <dialog ref={dialog} aria-labelledby={`delete-${id}`} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id={`delete-${id}`} className="text-lg font-semibold">
          Delete “{name}”?
        </h2>
        <div className="mt-2 space-y-2 text-sm">
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
          {error && <p role="alert" className="text-red-600">{error}</p>}
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await deleteCredential({ id });
                if (result.ok) dialog.current?.close();
                else setError(result.error.message);
              })
            }
          >
            {pending ? "Deleting…" : "Delete credential"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
