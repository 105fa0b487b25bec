import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The accounts of a bench warehouse with their current CRM ids, read once before any proxy
 * opens the file (DuckDB lets one process at a time write a file).
 */

export type BenchAccount = { accountId: string; salesforceId: string; hubspotId: string | null };

export async function readBenchAccounts(path: string): Promise<BenchAccount[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`
      SELECT a.account_id,
        MAX(CASE WHEN i.kind = 'salesforce' THEN i.value END) AS salesforce_id,
        MAX(CASE WHEN i.kind = 'hubspot' THEN i.value END) AS hubspot_id
      FROM ACCOUNTS a JOIN ACCOUNT_IDENTITIES i ON i.account_id = a.account_id
      WHERE i.valid_to IS NULL
      GROUP BY a.account_id
      HAVING MAX(CASE WHEN i.kind = 'salesforce' THEN i.value END) IS NOT NULL
      ORDER BY a.account_id`);
    const rows = reader.getRowObjectsJson();
    connection.closeSync();
    return rows.map((row) => ({
      accountId: String(row.account_id),
      salesforceId: String(row.salesforce_id),
      hubspotId: row.hubspot_id === null ? null : String(row.hubspot_id),
    }));
  } finally {
    instance.closeSync();
  }
}

/** `count` accounts spread evenly over the list, skipping the first `offset` of each stride. */
export function spread<T>(items: readonly T[], count: number, offset = 0): T[] {
  if (count > items.length) throw new RangeError(`only ${items.length} accounts, ${count} asked`);
  const stride = Math.floor(items.length / count);
  return Array.from({ length: count }, (_, index) => items[index * stride + (offset % stride)]!);
}

export async function duckDbVersion(): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll('SELECT version() AS version');
    connection.closeSync();
    return String(reader.getRowObjectsJson()[0]!.version);
  } finally {
    instance.closeSync();
  }
}
