"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteNodeConfig } from "@/app/actions/delete-node-config";
import { duplicateNodeConfig } from "@/app/actions/duplicate-node-config";
import { renameNodeConfig } from "@/app/actions/rename-node-config";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { controlClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guard";

async function unwrap<T>(result: ActionResult<T>): Promise<T> {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** Rename, duplicate and delete for one row of the node list; the list re-renders from the server after each. */
export function NodeConfigActions({ id, name, version }: { id: string; name: string; version: number }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(name);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = { onSuccess: () => router.refresh(), onError: (e: Error) => setError(e.message) };
  const rename = useMutation({ mutationFn: () => renameNodeConfig({ id, name: newName, expectedVersion: version }).then(unwrap), ...done });
  const duplicate = useMutation({ mutationFn: () => duplicateNodeConfig({ id }).then(unwrap), ...done });
  const remove = useMutation({ mutationFn: () => deleteNodeConfig({ id }).then(unwrap), ...done });

  return (
    <div className="inline-flex items-center gap-1">
      <Button variant="ghost" aria-label={`Rename ${name}`} onClick={() => setRenaming(true)}>
        Rename
      </Button>
      <Button variant="ghost" aria-label={`Duplicate ${name}`} disabled={duplicate.isPending} onClick={() => duplicate.mutate()}>
        Duplicate
      </Button>
      <Button variant="ghost" aria-label={`Delete ${name}`} onClick={() => setDeleting(true)}>
        Delete
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
      <Dialog
        open={renaming}
        title={`Rename ${name}`}
        onClose={() => setRenaming(false)}
        onSubmit={() => {
          if (newName.trim() === "" || rename.isPending) return;
          setRenaming(false);
          rename.mutate();
        }}
      >
        <label className="block space-y-1">
          <span className="font-medium">New name</span>
          <input className={controlClass} value={newName} onChange={(e) => setNewName(e.target.value)} />
        </label>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRenaming(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={newName.trim() === "" || rename.isPending}>
            Rename
          </Button>
        </div>
      </Dialog>
      <ConfirmDialog
        open={deleting}
        title={`Delete ${name}?`}
        message="The node config is removed; its past runs stay in the run history."
        confirmLabel="Delete node"
        danger
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          remove.mutate();
        }}
      />
    </div>
  );
}
