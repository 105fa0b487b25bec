import { type Engine, type PortabilityRule, portabilityRules } from './portability-rules.ts';
import type { SqlText } from './sql-sources.ts';

/** Where SQL uses a construct an engine it runs on rejects. */

export type Violation = { file: string; line: number; construct: string; message: string };

/**
 * Checks SQL against the rules for the engines it runs on: both by default, or only the one
 * named (a DuckDB-only seed may use DuckDB functions, but nothing DuckDB rejects).
 */
export function findViolations(sql: SqlText, runsOn: Engine | 'both' = 'both'): Violation[] {
  const code = codeOnly(sql.text);
  const rules = portabilityRules.filter((rule) => runsOn === 'both' || rule.rejectedBy === runsOn);
  const violations: Violation[] = [];

  for (const rule of rules) {
    const global = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}g`);
    for (const match of code.matchAll(global)) {
      const line = sql.line + countLines(code.slice(0, match.index));
      violations.push({
        file: sql.file,
        line,
        construct: rule.construct,
        message: describeViolation(sql.file, line, rule, match[0]),
      });
    }
  }

  return violations.sort((left, right) => left.line - right.line);
}

function describeViolation(file: string, line: number, rule: PortabilityRule, found: string) {
  const engine = rule.rejectedBy === 'duckdb' ? 'DuckDB' : 'Snowflake';
  const where = `${file}:${line}: ${rule.construct} ("${found.trim()}")`;
  return `${where} is rejected by ${engine}; use ${rule.instead}`;
}

/**
 * The SQL with string literals and comments blanked out (line breaks kept), so a date part in
 * quotes, a time like '10:30' or a comment mentioning IFF( is not mistaken for code.
 */
export function codeOnly(sql: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return sql.replace(/'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g, (token) =>
    token.startsWith("'") ? `'${blank(token.slice(1, -1))}'` : blank(token),
  );
}

function countLines(text: string): number {
  let lines = 0;
  for (const char of text) if (char === '\n') lines++;
  return lines;
}
