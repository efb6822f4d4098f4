"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/errors/app-error";
import type { TestOutcomeView } from "./test-outcome-view";

type Outcome = TestOutcomeView & { receipt?: string };

/**
 * Test Connection from the credential form: one request at a time to /api/credentials/test, which Cancel (or
 * leaving the page) aborts; the server stops its outbound call when the request goes away. Keeps the outcome's
 * receipt together with the values it was issued for.
 */
export function useConnectionTest() {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ outcome: Outcome; testedValues?: string }>();
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (form: object, testedValues: string): Promise<ErrorBody | undefined> => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setRunning(true);
    setResult(undefined);
    try {
      const response = await fetch("/api/credentials/test", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(form),
        signal: own.signal,
      });
      const body = (await response.json().catch(() => undefined)) as Outcome | { error?: ErrorBody } | undefined;
      if (response.ok) {
        setResult({ outcome: body as Outcome, testedValues });
        return undefined;
      }
      return (body as { error?: ErrorBody } | undefined)?.error ?? { kind: "internal", message: `Test Connection failed (HTTP ${response.status}).` };
    } catch {
      if (own.signal.aborted) {
        setResult({ outcome: { ok: false, headline: "Cancelled", message: "Test Connection was cancelled; nothing was stored.", latencyMs: 0 } });
        return undefined;
      }
      return { kind: "unreachable", message: "The server could not be reached to test the connection. Check your network and try again." };
    } finally {
      if (controller.current === own) {
        controller.current = null;
        setRunning(false);
      }
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return {
    running,
    outcome: result?.outcome,
    /** The receipt of the last test, when it was made with exactly these values. */
    receiptFor: (testedValues: string) => (result?.testedValues === testedValues ? result.outcome.receipt : undefined),
    start,
    cancel,
  };
}
