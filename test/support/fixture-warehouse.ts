import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDbWarehouse } from '../../proxy/src/warehouse/duckdb-adapter.ts';
import { sourceTableStatements } from '../../proxy/src/warehouse/schema.ts';
import { resolveTables, type Tables } from '../../proxy/src/warehouse/table-names.ts';
import type { SqlValue, Warehouse } from '../../proxy/src/warehouse/warehouse.ts';

/**
 * A tiny hand-written warehouse for exact-value tests: the source tables of the product, in a
 * fresh DuckDB file, holding only the rows a test lists. Days are written as "days ago"
 * relative to a pinned reference day (the scoring "today"), so that a reader can count the
 * windows by hand: every window ends the day before the reference day, so daysAgo 1 is
 * "yesterday", the newest day any signal reads.
 */

/** Wednesday 10 June 2026: yesterday (daysAgo 1) is a Tuesday. */
export const REF = '2026-06-10';

export type AccountRow = { accountId: string; name: string; domain: string | null };

export type SubscriptionRow = {
  accountId: string;
  plan: string;
  seatLimit: number | null;
  storageLimitGb: number | null;
  apiCallLimit: number | null;
  mrr: number;
  renewalDate: string;
};

export type UsageRow = {
  accountId: string;
  daysAgo: number;
  seats: number;
  storageGb: number;
  apiCalls: number;
};

export type StoredIdentityKind = 'salesforce' | 'hubspot' | 'domain' | 'segment_group';

/** `endedDaysAgo` set makes it a history row (valid_to); absent, the identity is current. */
export type IdentityRow = {
  accountId: string;
  kind: StoredIdentityKind;
  value: string;
  endedDaysAgo?: number;
};

/** A Segment track call; `time` is the UTC time of day, noon unless given. */
export type TrackRow = {
  userId?: string;
  anonymousId?: string;
  groupId?: string;
  event: string;
  daysAgo: number;
  time?: string;
};

export type IdentifyRow = { userId: string; anonymousId?: string; email: string; daysAgo: number };

export type GroupRow = { userId: string; groupId: string; daysAgo: number };

export type FixtureRows = {
  accounts?: AccountRow[];
  subscriptions?: SubscriptionRow[];
  usage?: UsageRow[];
  identities?: IdentityRow[];
  tracks?: TrackRow[];
  identifies?: IdentifyRow[];
  groups?: GroupRow[];
};

export type FixtureWarehouse = {
  warehouse: Warehouse;
  tables: Tables;
  ref: string;
  close(): Promise<void>;
};

/** The calendar day `daysAgo` days before `ref`, as 'YYYY-MM-DD'. */
export function dayBefore(ref: string, daysAgo: number): string {
  const date = new Date(`${ref}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - daysAgo);
  return date.toISOString().slice(0, 10);
}

/** One usage row per day for daysAgo 1..days, each day's figures given by `figures`. */
export function usageSeries(
  accountId: string,
  days: number,
  figures: (daysAgo: number) => { seats: number; storageGb: number; apiCalls: number },
): UsageRow[] {
  return Array.from({ length: days }, (_, index) => ({
    accountId,
    daysAgo: index + 1,
    ...figures(index + 1),
  }));
}

export async function createFixtureWarehouse(
  rows: FixtureRows,
  ref: string = REF,
): Promise<FixtureWarehouse> {
  const dir = await mkdtemp(join(tmpdir(), 'upsignal-fixture-'));
  const warehouse = await openDuckDbWarehouse(join(dir, 'warehouse.duckdb'));
  const tables = resolveTables();
  const timestamp = (daysAgo: number, time = '12:00:00') => `${dayBefore(ref, daysAgo)} ${time}`;

  await warehouse.run(sourceTableStatements(tables), { label: 'fixture tables' });

  const insert = async (table: string, values: SqlValue[][]) => {
    if (values.length === 0) return;
    const row = `(${values[0]!.map(() => '?').join(', ')})`;
    const sql = `INSERT INTO ${table} VALUES ${values.map(() => row).join(', ')}`;
    await warehouse.query(sql, values.flat(), { label: `fixture ${table}` });
  };

  await insert(
    tables.accounts,
    (rows.accounts ?? []).map((a) => [a.accountId, a.name, a.domain, timestamp(400)]),
  );
  await insert(
    tables.subscriptions,
    (rows.subscriptions ?? []).map((s) => [
      s.accountId,
      s.plan,
      s.seatLimit,
      s.storageLimitGb,
      s.apiCallLimit,
      s.mrr,
      s.renewalDate,
    ]),
  );
  await insert(
    tables.usageDaily,
    (rows.usage ?? []).map((u) => [
      u.accountId,
      dayBefore(ref, u.daysAgo),
      u.seats,
      u.storageGb,
      u.apiCalls,
    ]),
  );
  await insert(
    tables.accountIdentities,
    (rows.identities ?? []).map((i) => [
      i.accountId,
      i.kind,
      i.value,
      timestamp(400),
      i.endedDaysAgo === undefined ? null : timestamp(i.endedDaysAgo),
    ]),
  );
  await insert(
    tables.tracks,
    (rows.tracks ?? []).map((t, index) => [
      `ev-${index + 1}`,
      t.userId ?? null,
      t.anonymousId ?? null,
      t.groupId ?? null,
      t.event,
      timestamp(t.daysAgo, t.time),
    ]),
  );
  await insert(
    tables.identifies,
    (rows.identifies ?? []).map((i) => [
      i.userId,
      i.anonymousId ?? null,
      i.email,
      timestamp(i.daysAgo),
    ]),
  );
  await insert(
    tables.groups,
    (rows.groups ?? []).map((g) => [g.userId, g.groupId, timestamp(g.daysAgo)]),
  );

  return {
    warehouse,
    tables,
    ref,
    async close() {
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
