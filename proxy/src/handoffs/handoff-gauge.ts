import { type HandoffState, handoffStates } from '@upsignal/shared';
import type { Metrics } from '../observability/metrics.ts';
import type { HandoffStore } from './handoff-store.ts';

/**
 * Keeps `upsignal_handoffs{state}` current without a warehouse query per scrape (on Snowflake
 * each scrape would wake a warehouse): counted once at start, then moved on every transition
 * this proxy makes. Another replica's transitions show up here after a restart.
 */
export class HandoffGauge {
  readonly #gauge: Metrics['handoffs'];

  constructor(metrics: Metrics) {
    this.#gauge = metrics.handoffs;
    for (const state of handoffStates) this.#gauge.set({ state }, 0);
  }

  async load(store: HandoffStore): Promise<void> {
    const counts = await store.countByState();
    for (const state of handoffStates) this.#gauge.set({ state }, counts[state]);
  }

  add(state: HandoffState) {
    this.#gauge.inc({ state });
  }

  move(from: HandoffState, to: HandoffState) {
    if (from === to) return;
    this.#gauge.dec({ state: from });
    this.#gauge.inc({ state: to });
  }
}
