import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type ScoringConfig, scoringConfigSchema } from '@upsignal/shared';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { tablesSchema } from '../warehouse/table-names.ts';

export const DEFAULT_CONFIG_PATH = fileURLToPath(
  new URL('../../config/signals.yaml', import.meta.url),
);

/** The YAML file: the shared scoring schema, plus where the proxy finds the tables. */
const fileSchema = scoringConfigSchema.and(
  z.object({ warehouse: z.strictObject({ tables: tablesSchema }).optional() }),
);

export type ProxyConfig = ScoringConfig & {
  warehouse?: { tables?: Partial<Record<string, string>> } | undefined;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the configuration; every mistake is reported with its line and column. */
export async function loadConfig(path = DEFAULT_CONFIG_PATH): Promise<ProxyConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the configuration ${path}: ${(error as Error).message}`);
  }
  return parseConfig(text, path);
}

export function parseConfig(text: string, path = '(inline)'): ProxyConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  if (document.errors.length > 0) {
    const lines = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return `  ${path}:${line}:${col}: ${error.message.split('\n')[0]}`;
    });
    throw new ConfigError(`the configuration is not valid YAML:\n${lines.join('\n')}`);
  }

  const parsed = fileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const where = locate(document, lineCounter, issue.path);
      const name = issue.path.join('.') || '(root)';
      return `  ${path}:${where}: ${name}: ${issue.message}`;
    });
    throw new ConfigError(`the configuration is invalid:\n${lines.join('\n')}`);
  }

  return parsed.data;
}

/** The line and column of the deepest node of `path` that exists in the document. */
function locate(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return `${line}:${col}`;
    }
  }
  return '1:1';
}
