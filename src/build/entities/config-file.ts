// Reads entities.config.json (JSON with comments, like tsconfig.json: publishers note why an entry is there).
import { existsSync, readFileSync } from 'node:fs';
import { type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { EntityRules, parseEntityConfig } from './config.js';

/** The entity config, if there is one; a broken one stops the build, naming the file and line. */
export function loadEntityRules(file: string, required: boolean): EntityRules | undefined {
  if (!existsSync(file)) {
    if (required) throw new Error(`entity config ${file} not found`);
    return undefined;
  }
  const text = readFileSync(file, 'utf8');
  const errors: ParseError[] = [];
  const json: unknown = parseJsonc(text, errors, { allowTrailingComma: false });
  if (errors.length > 0) {
    const { error, offset } = errors[0]!;
    const line = text.slice(0, offset).split('\n').length;
    throw new Error(`${file}:${line}: not valid JSON: ${printParseErrorCode(error)}`);
  }
  return new EntityRules(parseEntityConfig(json, file));
}
