/**
 * Result column names as Snowflake reports them. Snowflake stores unquoted identifiers in
 * upper case and keeps double-quoted ones as written ("Identifier requirements" in its docs),
 * while DuckDB keeps whatever case the query or the DDL used. A name the SQL text quotes keeps
 * its case; every other name is upper-cased.
 *
 * Known difference: an unaliased expression is named after DuckDB's rendering of it
 * (`count_star()`), where Snowflake would echo the expression (`COUNT(*)`). Portable SQL
 * aliases every computed column, so the adapter never depends on either.
 */
export function snowflakeColumnNames(sql: string, duckDbNames: readonly string[]): string[] {
  const quoted = quotedIdentifiers(sql);
  return duckDbNames.map((name) => (quoted.has(name) ? name : name.toUpperCase()));
}

/** Every "double-quoted" identifier in the text, skipping string literals and comments. */
export function quotedIdentifiers(sql: string): Set<string> {
  const found = new Set<string>();
  let index = 0;

  while (index < sql.length) {
    const char = sql[index];
    if (char === "'") {
      index = endOfQuoted(sql, index, "'");
    } else if (char === '-' && sql[index + 1] === '-') {
      const newline = sql.indexOf('\n', index);
      index = newline === -1 ? sql.length : newline + 1;
    } else if (char === '/' && sql[index + 1] === '*') {
      const close = sql.indexOf('*/', index + 2);
      index = close === -1 ? sql.length : close + 2;
    } else if (char === '"') {
      const end = endOfQuoted(sql, index, '"');
      found.add(sql.slice(index + 1, end - 1).replaceAll('""', '"'));
      index = end;
    } else {
      index++;
    }
  }

  return found;
}

/** The index just past the closing quote; a doubled quote is an escaped one. */
function endOfQuoted(sql: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return sql.length;
}
