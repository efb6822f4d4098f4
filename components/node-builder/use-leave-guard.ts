"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** A link that would take this tab to another page of the app (not a new tab, a download or an anchor here). */
function inAppLinkOf(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return null; // leaving the app: beforeunload asks
  if (url.pathname === location.pathname && url.search === location.search) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Keeps unsaved work from being lost: closing or reloading the tab gets the browser's "Leave site?" prompt, and
 * a click on an in-app link is held until the user confirms (`leaving` is its target until then). `isDirty` is
 * read at that moment, so the page need not track every keystroke in state.
 */
export function useLeaveGuard(isDirty: () => boolean) {
  const router = useRouter();
  const dirty = useRef(isDirty);
  useEffect(() => {
    dirty.current = isDirty;
  });
  const [leaving, setLeaving] = useState<string | null>(null);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current()) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers show the prompt only when this is set
    };
    // Capture phase on the document runs before Next's <Link> handler on the React root, so it can stop it.
    const click = (event: MouseEvent) => {
      const href = inAppLinkOf(event);
      if (href === null || !dirty.current()) return;
      event.preventDefault();
      event.stopPropagation();
      setLeaving(href);
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, []);

  return {
    leaving,
    stay: () => setLeaving(null),
    leave: () => {
      const href = leaving;
      setLeaving(null);
      if (href) {
        dirty.current = () => false;
        router.push(href);
      }
    },
  };
}
