// `npm run lint`'s second half: what Biome does not check. No line over 120 characters in code, and no function
// in src/ longer than 80 lines (flat data tables are not functions, so they may be long).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const MAX_LINE = 120;
const MAX_FUNCTION_LINES = 80;
// Generated sentence templates: data, one template a line.
const LONG_LINES_ALLOWED = new Set(['bench/vocabulary.ts']);

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(?:ts|mts|mjs|js)$/.test(file) && !file.startsWith('src/generated/'));

function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = (node as ts.FunctionLikeDeclaration).name?.getText(source) ?? '(anonymous)';
      if (end - start + 1 > MAX_FUNCTION_LINES) {
        found.push(
          `${file}:${start + 1}: function ${name} is ${end - start + 1} lines (at most ${MAX_FUNCTION_LINES})`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const problems: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (!LONG_LINES_ALLOWED.has(file)) {
    text.split('\n').forEach((line, index) => {
      if (line.length > MAX_LINE)
        problems.push(`${file}:${index + 1}: line of ${line.length} characters (at most ${MAX_LINE})`);
    });
  }
  if (file.startsWith('src/')) problems.push(...longFunctions(file, text));
}
for (const problem of problems) console.error(problem);
console.log(`check-shape: ${files.length} files, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exitCode = problems.length > 0 ? 1 : 0;
