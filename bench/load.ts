import autocannon from 'autocannon';

/**
 * One load generator for every figure that compares throughput: autocannon, closed loop, a fixed
 * number of keep-alive connections, no pipelining. A request's path may change per request.
 */

export type LoadOptions = {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** The path of each next request; the URL's own path when absent. */
  nextPath?: () => string;
  /** A request without an answer by then counts as a timeout (autocannon's default is 10 s). */
  timeoutSeconds?: number;
};

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  /** Socket errors and timeouts: requests that got no HTTP answer at all. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { nextPath } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: options.timeoutSeconds ?? 10,
    pipelining: 1,
    headers: options.headers ?? {},
    ...(nextPath
      ? { requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }] }
      : {}),
  });

  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
  );
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requests: answered + result.errors,
    requestsPerSecond: answered / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.mean,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
