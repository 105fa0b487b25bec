import { z } from 'zod';

/**
 * The tables Upsignal reads and writes, by role. Companies keep Segment and billing data under
 * their own names (`ANALYTICS.SEGMENT.TRACKS`), so each may be renamed in the configuration;
 * columns that differ are bridged with a view. Names are checked against a strict identifier
 * pattern because they are spliced into SQL, where binds cannot go.
 */

export const defaultTables = {
  tracks: 'TRACKS',
  identifies: 'IDENTIFIES',
  groups: 'GROUPS',
  accounts: 'ACCOUNTS',
  subscriptions: 'SUBSCRIPTIONS',
  usageDaily: 'USAGE_DAILY',
  accountIdentities: 'ACCOUNT_IDENTITIES',
  expansionSignals: 'EXPANSION_SIGNALS',
  handoffs: 'HANDOFFS',
  apiTokens: 'API_TOKENS',
} as const;

export type TableRole = keyof typeof defaultTables;
export type Tables = Record<TableRole, string>;

const identifier = '[A-Za-z_][A-Za-z0-9_$]{0,254}';
const qualifiedName = new RegExp(`^${identifier}(\\.${identifier}){0,2}$`);

export const tablesSchema = z
  .strictObject(
    Object.fromEntries(
      Object.keys(defaultTables).map((role) => [
        role,
        z.string().regex(qualifiedName, 'a table name is [database.][schema.]table').optional(),
      ]),
    ) as Record<TableRole, z.ZodOptional<z.ZodString>>,
  )
  .optional();

export function resolveTables(overrides: Partial<Record<string, string>> = {}): Tables {
  const tables = { ...defaultTables } as Tables;
  for (const role of Object.keys(defaultTables) as TableRole[]) {
    const name = overrides[role];
    if (name) tables[role] = name;
  }
  return tables;
}
