import type { SnowflakeFailure } from './wire-format.ts';

/**
 * Turns a DuckDB error into the error Snowflake raises for the same fault, so the adapter
 * under test meets Snowflake's codes and SQL states, not DuckDB's wording. Codes from
 * Snowflake's documentation of compilation and execution errors.
 */
export function snowflakeErrorFor(error: unknown): SnowflakeFailure {
  const text = error instanceof Error ? error.message : String(error);
  // DuckDB prefixes errors met while splitting a script into statements.
  const firstLine = (text.split('\n')[0] ?? text).replace(/^Failed to extract statements: /, '');
  const detail = firstLine.replace(/^[A-Za-z ]+ Error: /, '');

  const missingTable = /^Catalog Error: Table with name (\S+) does not exist/.exec(firstLine);
  if (missingTable) {
    return compilation(
      '002003',
      '42S02',
      `Object '${missingTable[1]!.toUpperCase()}' does not exist or not authorized.`,
    );
  }

  const missingColumn = /^Binder Error: Referenced column "([^"]+)" not found/.exec(firstLine);
  if (missingColumn) {
    return compilation(
      '000904',
      '42000',
      `invalid identifier '${missingColumn[1]!.toUpperCase()}'`,
    );
  }

  if (firstLine.startsWith('Parser Error:')) {
    return compilation('001003', '42000', detail);
  }

  if (/^(Catalog|Binder) Error:/.test(firstLine)) {
    return compilation('002140', '42601', detail);
  }

  if (/^(Conversion|Invalid Input) Error:/.test(firstLine)) {
    return { code: '100038', sqlState: '22018', message: detail, data: { type: 'EXECUTION' } };
  }

  if (firstLine.startsWith('Constraint Error:')) {
    return { code: '100072', sqlState: '22000', message: detail, data: { type: 'EXECUTION' } };
  }

  return {
    code: '000603',
    sqlState: 'XX000',
    message: `SQL execution internal error:\n${detail}`,
    data: { type: 'EXECUTION' },
  };
}

function compilation(code: string, sqlState: string, detail: string): SnowflakeFailure {
  return {
    code,
    sqlState,
    message: `SQL compilation error:\n${detail}`,
    data: { type: 'COMPILATION' },
  };
}
