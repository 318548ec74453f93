import { z } from 'zod';
import { IdSchema, IsoDateSchema, LocalizedTextSchema } from './ruleset.js';

const StatusSchema = z.enum(['pass', 'fail', 'not_applicable', 'incomplete']);

/** What a worked case expects of the report; every key is optional, and each one given is checked. */
export const CaseExpectSchema = z
  .object({
    outcome: z.enum(['pass', 'fail', 'incomplete']).optional(),
    items: z.record(IdSchema, StatusSchema).optional().meta({ description: 'Expected status per item id.' }),
    score: z.number().optional(),
    band: IdSchema.optional(),
    overrides: z.array(IdSchema).optional().meta({ description: 'Exactly the overrides that fire.' }),
    majorHazards: z.array(z.string()).optional().meta({ description: 'Exactly the criteria found, sorted.' }),
    explanations: z
      .record(IdSchema, z.array(z.string().min(1)))
      .optional()
      .meta({ description: 'Per item: texts that must appear in its explanation (zh-CN or en).' }),
    issues: z.array(z.string()).optional().meta({ description: 'Exactly the answer issue codes reported.' }),
  })
  .strict();

/** One worked example: answers, an evaluation date, and what the report must say. */
export const CaseSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    date: IsoDateSchema.optional().meta({ description: 'The evaluation date ($date in rules).' }),
    extends: IdSchema.optional().meta({
      description: 'Start from the answers (and date) of an earlier case in this file; answers here override them.',
    }),
    defaultJudgment: z.enum(['compliant', 'noncompliant', 'not_applicable']).optional().meta({
      description: 'The verdict of every judgment item this case (and what it extends) does not answer.',
    }),
    answers: z.record(z.string(), z.unknown()),
    expect: CaseExpectSchema,
  })
  .strict();

/** A ruleset's worked cases: `<id>/<version>.cases.json`, written by the ruleset's author. */
export const CasesFileSchema = z
  .object({
    $schema: z.string().optional(),
    ruleset: IdSchema,
    version: z.string(),
    cases: z.array(CaseSchema).min(1),
  })
  .strict()
  .meta({ title: 'safecheck worked cases' });

/** What a case expects. */
export type CaseExpect = z.infer<typeof CaseExpectSchema>;
/** One worked case. */
export type Case = z.infer<typeof CaseSchema>;
/** A cases file. */
export type CasesFile = z.infer<typeof CasesFileSchema>;
