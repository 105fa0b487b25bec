import type { Logger } from '../observability/logger.ts';
import type { WritebackSummary } from './write-signals.ts';

export type WritebackSchedule = { stop(): Promise<void> };

/**
 * Runs the write-back every `intervalMinutes` inside the proxy (the embedded DuckDB file has
 * one writer, so the proxy is where a schedule can write while it serves). A run still going
 * when the next is due makes that one skip rather than pile up. Off when the interval is 0.
 */
export function scheduleWriteback(options: {
  intervalMinutes: number;
  run: () => Promise<WritebackSummary>;
  log: Logger;
}): WritebackSchedule {
  const { intervalMinutes, log } = options;
  if (intervalMinutes <= 0) return { stop: async () => {} };

  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) {
      log.warn('write-back skipped: the previous run is still going');
      return;
    }
    running = options
      .run()
      .then(({ fired: _fired, ...summary }) => log.info(summary, 'write-back done'))
      .catch((error: unknown) => log.error({ err: error }, 'write-back failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMinutes * 60_000);
  timer.unref();
  log.info({ intervalMinutes }, 'write-back scheduled');

  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
