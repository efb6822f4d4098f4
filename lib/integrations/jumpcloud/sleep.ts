import { JumpCloudError } from "./errors";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export function cancelledError(): JumpCloudError {
  return new JumpCloudError({ kind: "cancelled", message: "The JumpCloud operation was cancelled." });
}

/** setTimeout that rejects with a "cancelled" JumpCloudError as soon as the signal aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
