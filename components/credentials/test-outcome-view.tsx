import { Notice } from "@/components/ui/notice";

export interface TestOutcomeView {
  ok: boolean;
  headline: string;
  message: string;
  guidance?: string;
  latencyMs: number;
}

/** The result of Test Connection: what failed and what to do, or success with the latency. */
export function TestOutcomeNotice({ outcome }: { outcome: TestOutcomeView }) {
  return (
    <Notice tone={outcome.ok ? "success" : "error"} testId="test-outcome">
      <p className="font-semibold">
        {outcome.headline}
        {outcome.ok && ` · ${outcome.latencyMs} ms`}
      </p>
      <p>{outcome.message}</p>
      {outcome.guidance && <p className="mt-1 opacity-80">{outcome.guidance}</p>}
    </Notice>
  );
}
