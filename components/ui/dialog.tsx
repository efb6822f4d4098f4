"use client";
import { useEffect, useId, useRef, useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Button } from "./button";

const subscribeNever = () => () => {};

/**
 * A modal built on <dialog>: focus is trapped and Escape closes it, as the browser does for showModal(). It is
 * rendered into <body>, so a dialog opened from a table row does not inherit the cell's alignment or no-wrap.
 * With `onSubmit` its content is a form: Enter in a field submits it.
 */
export function Dialog({
  open,
  title,
  onClose,
  onSubmit,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit?: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The server has no <body> to portal into; the dialog is closed on first paint anyway.
  const inBrowser = useSyncExternalStore(subscribeNever, () => true, () => false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The default action, when the dialog names one, rather than the first button.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, inBrowser]);
  if (!inBrowser) return null;
  const body = <div className="mt-3 space-y-3 text-sm">{children}</div>;
  return createPortal(
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-zinc-200 bg-white p-6 text-left whitespace-normal text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={titleId} className="text-lg font-semibold break-words">
        {title}
      </h2>
      {onSubmit ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>,
    document.body,
  );
}

/** Asks before something that changes data; the confirm button says what it does, and Enter presses it. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel = "Cancel",
  danger = false,
  pending = false,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Null for a notice with one way out. */
  cancelLabel?: string | null;
  danger?: boolean;
  /** The confirmed action is running: the buttons wait for it. */
  pending?: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={open} title={title} onClose={onCancel} onSubmit={() => !pending && onConfirm()}>
      <div data-testid="confirm-message" className="space-y-2">
        {message}
      </div>
      {error && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2 pt-2">
        {cancelLabel !== null && (
          <Button variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
        )}
        {/* The default action has the focus, as in native confirm dialogs, so Enter confirms. */}
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending} data-autofocus>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
