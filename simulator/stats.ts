export interface SimulatorStats {
  requests: number;
  byRoute: Record<string, number>;
  maxConcurrent: number;
  faultsInjected: number;
  rateLimited: number;
  inFlight: number;
}

/** Request counters for tests and benchmarks; the /__simulator control routes are not counted. */
export class StatsRecorder {
  private current = StatsRecorder.empty();

  private static empty(): SimulatorStats {
    return { requests: 0, byRoute: {}, maxConcurrent: 0, faultsInjected: 0, rateLimited: 0, inFlight: 0 };
  }

  begin(route: string): () => void {
    const stats = this.current;
    stats.requests += 1;
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    stats.inFlight += 1;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.inFlight);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.current.inFlight = Math.max(0, this.current.inFlight - 1);
    };
  }

  recordFault(): void {
    this.current.faultsInjected += 1;
  }

  recordRateLimited(): void {
    this.current.rateLimited += 1;
  }

  snapshot(): SimulatorStats {
    return { ...this.current, byRoute: { ...this.current.byRoute } };
  }

  /** Keeps counting requests still in flight so maxConcurrent stays right across a reset. */
  reset(): void {
    const inFlight = this.current.inFlight;
    this.current = { ...StatsRecorder.empty(), inFlight, maxConcurrent: inFlight };
  }
}
