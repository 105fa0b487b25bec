import { BENCH_TODAY } from './bench-warehouse.ts';
import { type Child, startChild } from './child-process.ts';
import type { MemorySample, ProxyChildReady, RawScoreTiming } from './children/child-protocol.ts';

/**
 * The proxy under measurement, in a child process on a bench warehouse file. The per-caller rate
 * limit is lifted, because one token drives load here that a whole sales team would make in
 * use; everything else is the default, including JSON request logs at info level.
 */

const PROXY_CHILD = new URL('./children/proxy-child.ts', import.meta.url).pathname;

export type BenchProxy = {
  url: string;
  token: string;
  pid: number;
  headers: Record<string, string>;
  /** GETs a path with the token; the status and the body's text. */
  get(path: string): Promise<{ status: number; text: string }>;
  post(path: string, body: unknown): Promise<{ status: number; text: string }>;
  /** `upsignal_warehouse_queries_total` for a label, every outcome summed. */
  warehouseQueries(label: string): Promise<number>;
  /** The proxy's memory; `collect` runs a full garbage collection first. */
  memory(options?: { collect?: boolean }): Promise<MemorySample>;
  rawScore(lookup: Record<string, string>): Promise<RawScoreTiming>;
  stop(): Promise<void>;
};

export async function startBenchProxy(
  warehousePath: string,
  env: Record<string, string> = {},
): Promise<BenchProxy> {
  const child: Child<ProxyChildReady> = await startChild(PROXY_CHILD, {
    PORT: '0',
    UPSIGNAL_DUCKDB_PATH: warehousePath,
    UPSIGNAL_LOG_LEVEL: 'info',
    UPSIGNAL_LOG_FORMAT: 'json',
    UPSIGNAL_RATE_LIMIT_PER_MINUTE: '1000000000',
    BENCH_TODAY,
    ...env,
  });
  const { url, token } = child.ready;
  const headers = { authorization: `Bearer ${token}` };

  const send = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(url + path, {
      ...init,
      headers: { ...headers, ...(init.headers as Record<string, string>) },
    });
    return { status: response.status, text: await response.text() };
  };

  return {
    url,
    token,
    pid: child.pid,
    headers,
    get: (path) => send(path),
    post: (path, body) =>
      send(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
    async warehouseQueries(label) {
      const text = await (await fetch(`${url}/metrics`)).text();
      const prefix = `upsignal_warehouse_queries_total{label="${label}",`;
      return text
        .split('\n')
        .filter((line) => line.startsWith(prefix))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    },
    memory: (options = {}) => child.call<MemorySample>('memory', options),
    rawScore: (lookup) => child.call<RawScoreTiming>('rawScore', lookup),
    stop: () => child.stop(),
  };
}

export const scorePath = (salesforceId: string) =>
  `/v1/accounts/score?salesforceAccountId=${salesforceId}`;
