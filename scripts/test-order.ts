// vitest's file order: files that wait on the wall clock (pg-boss's cron ticks once a minute) start first, so their
// minutes of waiting overlap the other files instead of being what the whole run waits for at its end. A fresh
// checkout has no timings cached, and vitest would otherwise start the largest files first.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const CLOCK_BOUND = ["lib/jobs/worker.int.test.ts"];

const clockBound = (file: TestSpecification) => CLOCK_BOUND.some((path) => file.moduleId.endsWith(path));

export default class ClockBoundFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(clockBound), ...sorted.filter((file) => !clockBound(file))];
  }
}
