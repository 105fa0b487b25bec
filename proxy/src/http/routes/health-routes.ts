import type { HealthResponse } from '@upsignal/shared';
import { Hono } from 'hono';
import type { Metrics } from '../../observability/metrics.ts';
import type { WarehouseKind } from '../../warehouse/warehouse.ts';
import type { AppEnv } from '../app-env.ts';

export const VERSION = '0.1.0';

export function healthRoutes(warehouse: WarehouseKind, metrics: Metrics) {
  const routes = new Hono<AppEnv>();

  routes.get('/healthz', (c) => {
    const body: HealthResponse = { status: 'ok', warehouse, version: VERSION };
    return c.json(body);
  });

  routes.get('/metrics', async (c) => {
    c.header('Content-Type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  return routes;
}
