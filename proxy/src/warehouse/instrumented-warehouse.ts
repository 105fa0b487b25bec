import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Warehouse } from './warehouse.ts';

/** Counts and times every query by its label; the SQL and binds never reach logs. */
export function instrumentWarehouse(
  warehouse: Warehouse,
  metrics: Metrics,
  log: Logger,
): Warehouse {
  return {
    kind: warehouse.kind,

    async query(sql, binds, options) {
      const stop = metrics.warehouseDuration.startTimer({ label: options.label });
      try {
        const rows = await warehouse.query(sql, binds, options);
        metrics.warehouseQueries.inc({ label: options.label, outcome: 'ok' });
        return rows;
      } catch (error) {
        metrics.warehouseQueries.inc({ label: options.label, outcome: 'error' });
        log.warn({ err: error, label: options.label }, 'warehouse query failed');
        throw error;
      } finally {
        stop();
      }
    },

    async run(statements, options) {
      metrics.warehouseQueries.inc({ label: options.label, outcome: 'ok' });
      await warehouse.run(statements, options);
    },

    close: () => warehouse.close(),
  };
}
