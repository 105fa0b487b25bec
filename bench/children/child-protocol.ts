/**
 * The child's side of the benchmark IPC protocol (see ../child-process.ts): announce readiness
 * once, answer numbered calls with a handler each, and shut down cleanly on `stop`.
 */

export type ParentMessage =
  | { type: 'call'; id: number; call: string; payload: unknown }
  | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready'; info: unknown }
  | { type: 'reply'; id: number; value?: unknown; error?: string };

export type Handlers = Record<string, (payload: unknown) => unknown | Promise<unknown>>;

export function serveParent(info: unknown, handlers: Handlers, shutdown: () => Promise<void>) {
  const send = (message: ChildMessage) => process.send?.(message);

  process.on('message', async (message: ParentMessage) => {
    if (message.type === 'stop') {
      await shutdown();
      process.exit(0);
    }

    const handler = handlers[message.call];
    try {
      if (!handler) throw new Error(`no handler for ${message.call}`);
      send({ type: 'reply', id: message.id, value: await handler(message.payload) });
    } catch (error) {
      send({ type: 'reply', id: message.id, error: String(error) });
    }
  });
  // The parent going away ends the child too, so an interrupted run leaves nothing behind.
  process.on('disconnect', () => void shutdown().finally(() => process.exit(0)));

  send({ type: 'ready', info });
}

/** The process's memory; after a full collection when asked, to count retained memory only. */
export function memorySample(options: unknown = {}) {
  if ((options as { collect?: boolean }).collect) globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}

export type MemorySample = ReturnType<typeof memorySample>;

/** What the proxy child announces, and what it measures of one raw scoring statement. */
export type ProxyChildReady = { url: string; token: string };
export type RawScoreTiming = { ms: number; rows: number };
