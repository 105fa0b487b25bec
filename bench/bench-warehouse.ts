import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { seedDemoWarehouse } from '../proxy/src/demo/demo-seed.ts';
import { openDuckDbWarehouse } from '../proxy/src/warehouse/duckdb-adapter.ts';
import { resolveTables } from '../proxy/src/warehouse/table-names.ts';

/**
 * The DuckDB files the benchmarks run on, seeded once into bench/.work/ (gitignored) and reused:
 * seeding 10 000 accounts takes most of a minute. "Today" is pinned, so a file seeded last week
 * scores exactly as one seeded now; the file's name carries a digest of the generator's source,
 * so a changed generator seeds a new file instead of measuring an old one.
 */

export const BENCH_TODAY = '2026-12-03';
export const WORK_DIR = join(import.meta.dirname, '.work');

const GENERATOR_SOURCES = [
  '../proxy/src/demo/demo-seed.ts',
  '../proxy/src/demo/demo-archetypes.ts',
  '../proxy/src/warehouse/schema.ts',
];

export type BenchWarehouse = { path: string; accounts: number; seededNow: boolean };

export async function benchWarehouse(
  accounts: number,
  onProgress?: (line: string) => void,
): Promise<BenchWarehouse> {
  const prefix = `warehouse-${accounts}-`;
  const path = join(WORK_DIR, `${prefix}${BENCH_TODAY}-${await generatorDigest()}.duckdb`);
  if (existsSync(path)) return { path, accounts, seededNow: false };

  await mkdir(WORK_DIR, { recursive: true });
  for (const name of await readdir(WORK_DIR)) {
    if (name.startsWith(prefix)) await rm(join(WORK_DIR, name), { force: true });
  }

  // Seeded under a temporary name, so an interrupted seed is never mistaken for a finished one.
  const partial = `${path}.partial`;
  const warehouse = await openDuckDbWarehouse(partial);
  try {
    await seedDemoWarehouse(warehouse, resolveTables(), {
      accounts,
      today: BENCH_TODAY,
      onProgress: (done, total, step) => onProgress?.(`seeding ${step} ${done}/${total}`),
    });
    await warehouse.run(['CHECKPOINT'], { label: 'bench checkpoint' });
  } finally {
    await warehouse.close();
  }
  await rename(partial, path);
  return { path, accounts, seededNow: true };
}

async function generatorDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of GENERATOR_SOURCES) {
    hash.update(await readFile(new URL(source, import.meta.url)));
  }
  return hash.digest('hex').slice(0, 8);
}
