import * as z from 'zod/mini';
import { IdSchema, IsoDateSchema, LocalizedTextSchema } from './ruleset.js';

const StatusSchema = z.enum(['pass', 'fail', 'not_applicable', 'incomplete']);
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.meta({ description }));

/** What a worked case expects of the report; every key is optional, and each one given is checked. */
export const CaseExpectSchema = z.strictObject({
  outcome: z.optional(z.enum(['pass', 'fail', 'incomplete'])),
  items: described(z.optional(z.record(IdSchema, StatusSchema)), 'Expected status per item id.'),
  score: z.optional(z.number()),
  band: z.optional(IdSchema),
  overrides: described(z.optional(z.array(IdSchema)), 'Exactly the overrides that fire.'),
  majorHazards: described(z.optional(z.array(z.string())), 'Exactly the criteria found, sorted.'),
  explanations: described(
    z.optional(z.record(IdSchema, z.array(z.string().check(z.minLength(1))))),
    'Per item: texts that must appear in its explanation (zh-CN or en).',
  ),
  issues: described(z.optional(z.array(z.string())), 'Exactly the answer issue codes reported.'),
});

/** One worked example: answers, an evaluation date, and what the report must say. */
export const CaseSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  date: described(z.optional(IsoDateSchema), 'The evaluation date ($date in rules).'),
  extends: described(
    z.optional(IdSchema),
    'Start from the answers (and date) of an earlier case in this file; answers here override them.',
  ),
  defaultJudgment: described(
    z.optional(z.enum(['compliant', 'noncompliant', 'not_applicable'])),
    'The verdict of every judgment item this case (and what it extends) does not answer.',
  ),
  answers: z.record(z.string(), z.unknown()),
  expect: CaseExpectSchema,
});

/** A ruleset's worked cases: `<id>/<version>.cases.json`, written by the ruleset's author. */
export const CasesFileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    ruleset: IdSchema,
    version: z.string(),
    cases: z.array(CaseSchema).check(z.minLength(1)),
  })
  .check(z.meta({ title: 'safecheck worked cases' }));

/** What a case expects. */
export type CaseExpect = z.infer<typeof CaseExpectSchema>;
/** One worked case. */
export type Case = z.infer<typeof CaseSchema>;
/** A cases file. */
export type CasesFile = z.infer<typeof CasesFileSchema>;
