// Writes the JSON Schemas that experts' editors read, from the zod schemas (never edit them by hand).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { CasesFileSchema, RulesetSchema } from '../packages/core/src/index.js';
import { LOCALIZED_TEXT_JSON_SCHEMA } from '../packages/core/src/schema/ruleset.js';

/** The JSON Schema of a zod schema, as an editor reads it (defaults make keys optional). */
export function jsonSchemaOf(schema: z.core.$ZodType, id: string): string {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    // Localized texts (the only custom schemas) are checked by a plain function in zod; editors
    // get their full shape, with the description of the place they are used.
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type !== 'custom') return;
      const { title, description } = ctx.jsonSchema;
      Object.assign(ctx.jsonSchema, LOCALIZED_TEXT_JSON_SCHEMA, { title, description });
    },
  });
  return `${JSON.stringify({ ...json, $id: id }, null, 2)}\n`;
}

const root = resolve(import.meta.dirname, '..');
if (process.argv[1] === import.meta.filename) {
  writeFileSync(resolve(root, 'rulesets/ruleset.schema.json'), jsonSchemaOf(RulesetSchema, 'ruleset.schema.json'));
  writeFileSync(resolve(root, 'rulesets/cases.schema.json'), jsonSchemaOf(CasesFileSchema, 'cases.schema.json'));
}
