import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { duckDbVersion } from './bench-accounts.ts';

/** The machine a run was measured on, so figures are never read without their context. */

export type Machine = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  duckdb: string;
  date: string;
  commit: string;
};

export async function describeMachine(): Promise<Machine> {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    duckdb: await duckDbVersion(),
    date: new Date().toISOString(),
    commit: gitCommit(),
  };
}

/** The commit measured, marked when the working tree had changes on top of it. */
function gitCommit(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const head = git(['rev-parse', '--short', 'HEAD']);
    return git(['status', '--porcelain']) === '' ? head : `${head} + uncommitted changes`;
  } catch {
    return 'unknown';
  }
}
