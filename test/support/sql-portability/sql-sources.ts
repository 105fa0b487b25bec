import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/**
 * The SQL a source file carries: the whole of a .sql file, or every string and template
 * literal of a TypeScript file that reads as SQL. TypeScript's own parser finds the literals,
 * so regexes, comments and quotes in code cannot confuse the search.
 */

export type SqlText = {
  file: string;
  /** The file line the text starts on (1-based); the text keeps its own line breaks. */
  line: number;
  /** Interpolations (`${…}`) are replaced by `0` plus the line breaks they spanned. */
  text: string;
};

/** A statement keyword in capitals anywhere, or any case at the very start. */
const looksLikeSql = new RegExp(
  '\\b(SELECT|INSERT|CREATE|UPDATE|DELETE|WITH|MERGE)\\b|' +
    '^\\s*(select|insert|create|update|delete|with|merge)\\b',
);

export async function sqlInFile(file: string, displayName = file): Promise<SqlText[]> {
  const source = await readFile(file, 'utf8');
  if (file.endsWith('.sql')) return [{ file: displayName, line: 1, text: source }];
  return sqlInTypeScript(source, displayName);
}

export function sqlInTypeScript(source: string, file: string): SqlText[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: SqlText[] = [];

  const visit = (node: ts.Node) => {
    const text = literalText(node, source);
    if (text !== null && looksLikeSql.test(text)) {
      const start = node.getStart(sourceFile) + 1;
      found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(start).line + 1, text });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  return found;
}

/** The literal's raw text between its quotes, or null when the node is not a literal. */
function literalText(node: ts.Node, source: string): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return source.slice(node.getStart() + 1, node.getEnd() - 1);
  }
  if (!ts.isTemplateExpression(node)) return null;

  let text = source.slice(node.head.getStart() + 1, node.head.getEnd() - 2);
  for (const span of node.templateSpans) {
    const placeholder = source.slice(span.expression.getFullStart() - 2, span.literal.getStart());
    const lineBreaks = placeholder.split('\n').length - 1;
    text += `0${'\n'.repeat(lineBreaks)}`;
    const literal = source.slice(span.literal.getStart() + 1, span.literal.getEnd());
    text += ts.isTemplateTail(span.literal) ? literal.slice(0, -1) : literal.slice(0, -2);
  }
  return text;
}
