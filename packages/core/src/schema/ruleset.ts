import { z } from 'zod';

// zod compiles object parsers with `new Function` wherever a page allows it. safecheck never
// evaluates code (portals forbid it by Content-Security-Policy), so parsing stays interpreted.
z.config({ jitless: true });

/** The engine dialect this build understands. A ruleset names the dialect it needs. */
export const DIALECT = 1;

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const FIELD_ID = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The JSON Schema of {@link LocalizedTextSchema}, for editors. */
export const LOCALIZED_TEXT_JSON_SCHEMA = {
  title: 'Localized text',
  description: 'The same text in zh-CN and en.',
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', minLength: 1, description: '简体中文（默认语言）' },
    en: { type: 'string', minLength: 1, description: 'English' },
  },
  required: ['zh-CN', 'en'],
  additionalProperties: false,
} as const;

/**
 * A text in zh-CN and en; both are required. A ruleset has thousands of them, so the check is
 * one plain function rather than zod's general object machinery (several times faster when a
 * page first loads a large ruleset); it reports the same issues an object schema would.
 */
export const LocalizedTextSchema = z
  .custom<{ 'zh-CN': string; en: string }>()
  .check((ctx) => {
    const v = ctx.value as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      ctx.issues.push({ code: 'invalid_type', expected: 'object', input: v });
      return;
    }
    const o = v as Record<string, unknown>;
    for (const key of ['zh-CN', 'en'] as const) {
      const text = o[key];
      if (typeof text !== 'string') {
        ctx.issues.push({ code: 'invalid_type', expected: 'string', input: text, path: [key] });
      } else if (text.length === 0) {
        ctx.issues.push({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: text, path: [key] });
      }
    }
    const keys = Object.keys(o);
    // Two keys, both the languages: the common case, without a filtering pass.
    if (keys.length === 2 && typeof o['zh-CN'] === 'string' && typeof o.en === 'string') return;
    const extra = keys.filter((k) => k !== 'zh-CN' && k !== 'en');
    if (extra.length > 0) ctx.issues.push({ code: 'unrecognized_keys', keys: extra, input: o });
  })
  .meta({ title: 'Localized text', description: 'The same text in zh-CN and en.' });

/** A stable, lowercase, dotted or kebab id (`hazchem-78.4.12`). Once published it never changes meaning. */
export const IdSchema = z
  .string()
  .max(100)
  .regex(ID, 'lowercase letters and digits, separated by "." or "-"')
  .meta({ description: 'Stable id: lowercase, dotted or kebab. Once published it never changes meaning.' });

/** A field id: dot-separated identifiers (`vehicle.rtc_valid_to`); the dots nest the answer in rule data. */
export const FieldIdSchema = z
  .string()
  .regex(FIELD_ID, 'dot-separated identifiers such as vehicle.rtc_valid_to')
  .meta({ description: 'Field id, read by rules as {"var": "<id>"}.' });

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(ISO_DATE, 'an ISO date YYYY-MM-DD').meta({ format: 'date' });

/** A JSON-Logic rule. Checked by the engine (operators, variables, depth), not by the schema. */
export const LogicSchema = z.unknown().meta({
  title: 'JSON-Logic rule',
  description: 'A JSON-Logic rule: {"operator": [arguments]}. See docs/guides/logic.md for the operators.',
});

/** Whether a text was checked against the official source. */
export const VerificationSchema = z.enum(['verified', 'unverified']).meta({
  description: 'verified: checked against the official text; unverified: drafted or recalled, an expert must confirm.',
});

/** A legal basis: the document, its number, the clause, and whether it was checked. */
export const BasisSchema = z
  .object({
    document: LocalizedTextSchema.meta({ description: 'The law, regulation or standard, by title.' }),
    number: z.string().min(1).optional().meta({ description: 'Its number, e.g. 应急〔2019〕78号 or GB/T 50493-2019.' }),
    clause: z.string().min(1).optional().meta({ description: 'Article or clause, e.g. 第二十三条 or 5.5.2.' }),
    status: VerificationSchema,
    note: LocalizedTextSchema.optional(),
  })
  .strict();

const FieldBase = {
  id: FieldIdSchema,
  section: IdSchema.meta({ description: 'The section the field is shown in.' }),
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z
    .boolean()
    .default(true)
    .meta({ description: 'Required fields make an item incomplete while blank; optional ones read as null.' }),
  appliesWhen: LogicSchema.optional().meta({ description: 'Shown only when this rule holds (absent: always).' }),
};

const OptionSchema = z
  .object({
    value: z.string().min(1),
    label: LocalizedTextSchema,
  })
  .strict();

/** A yes/no fact. */
export const BooleanFieldSchema = z.object({ ...FieldBase, type: z.literal('boolean') }).strict();

/** One of a closed list of options. */
export const ChoiceFieldSchema = z
  .object({ ...FieldBase, type: z.literal('choice'), options: z.array(OptionSchema).min(2) })
  .strict();

/** A number, optionally with a unit and bounds. */
export const NumberFieldSchema = z
  .object({
    ...FieldBase,
    type: z.literal('number'),
    unit: z.string().min(1).optional().meta({ description: 'Unit symbol, e.g. t, m, h, mg/m3, ppm, %LEL.' }),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  })
  .strict();

/** A calendar date. */
export const DateFieldSchema = z.object({ ...FieldBase, type: z.literal('date') }).strict();

/** Free text, optionally constrained by a pattern. */
export const TextFieldSchema = z
  .object({
    ...FieldBase,
    type: z.literal('text'),
    pattern: z.string().min(1).optional().meta({ description: 'A regular expression the whole text must match.' }),
    maxLength: z.number().int().positive().optional(),
  })
  .strict();

/** A list of codes: from a closed list of options, or free codes matching a pattern (UN numbers). */
export const CodesFieldSchema = z
  .object({
    ...FieldBase,
    type: z.literal('codes'),
    options: z.array(OptionSchema).min(1).optional(),
    pattern: z.string().min(1).optional(),
  })
  .strict();

/** Any input field. */
export const FieldSchema = z.discriminatedUnion('type', [
  BooleanFieldSchema,
  ChoiceFieldSchema,
  NumberFieldSchema,
  DateFieldSchema,
  TextFieldSchema,
  CodesFieldSchema,
]);

/** A group of fields and items, shown together. */
export const SectionSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    parent: IdSchema.optional().meta({ description: 'The enclosing section, for sub-sections.' }),
  })
  .strict();

/** A sentence an item says when it fails, in the inspector's words. */
export const ExplainSchema = z
  .object({
    when: LogicSchema.optional().meta({ description: 'Said when this rule holds (absent: always, on failure).' }),
    text: LocalizedTextSchema.meta({
      description: 'The sentence. {name} is replaced by a value below or by the answer of the field with that id.',
    }),
    values: z.record(z.string().regex(/^[A-Za-z_][\w.]*$/), LogicSchema).optional(),
  })
  .strict();

/** A check: what must hold, when it applies, and what to do when it fails. */
export const ItemSchema = z
  .object({
    id: IdSchema,
    section: IdSchema,
    title: LocalizedTextSchema.meta({ description: 'What to check, as an inspector reads it.' }),
    description: LocalizedTextSchema.optional(),
    appliesWhen: LogicSchema.optional().meta({
      description: 'The item applies only when this holds (absent: always).',
    }),
    judgment: z.boolean().optional().meta({
      description:
        'The inspector answers the item itself: compliant / noncompliant / not_applicable, with a note. No check needed.',
    }),
    check: LogicSchema.optional().meta({ description: 'What must hold for the item to pass.' }),
    severity: z.enum(['general', 'major']),
    majorHazard: z.string().min(1).optional().meta({ description: 'The id of the major-hazard criterion it meets.' }),
    guidance: LocalizedTextSchema.meta({ description: 'How to rectify a failure.' }),
    basis: z.array(BasisSchema).min(1),
    provenance: VerificationSchema.meta({ description: 'Whether the wording was checked against the official text.' }),
    explain: z.array(ExplainSchema).optional(),
    tags: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** A criterion that makes a failure a major hazard (重大隐患). */
export const CriterionSchema = z
  .object({ id: z.string().min(1), title: LocalizedTextSchema, basis: BasisSchema.optional() })
  .strict();

/** A deduction or bonus in a scoring project. */
export const ScoringRuleSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    effect: z.enum(['deduct', 'bonus']),
    points: z.number().positive().meta({ description: 'Points per occurrence.' }),
    when: LogicSchema.optional().meta({ description: 'The rule fires when this holds.' }),
    count: LogicSchema.optional().meta({
      description: 'How many occurrences (per chemical, per person...). Points are multiplied by it.',
    }),
    items: z
      .array(IdSchema)
      .min(1)
      .optional()
      .meta({ description: 'The rule fires once per listed item whose status is itemStatus.' }),
    itemStatus: z.enum(['fail', 'pass']).default('fail'),
    cap: z.number().positive().optional().meta({ description: 'At most this many points from this rule.' }),
    basis: z.array(BasisSchema).optional(),
  })
  .strict();

/** A project: a group of rules whose deductions stop at `cap`. */
export const ScoringProjectSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    cap: z.number().positive().nullable().meta({ description: 'Most points the project can deduct; null: no cap.' }),
    rules: z.array(ScoringRuleSchema).min(1),
  })
  .strict();

/** A band of scores: the first band whose `min` the score reaches. */
export const BandSchema = z
  .object({
    id: IdSchema,
    label: LocalizedTextSchema,
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    min: z.number().meta({ description: 'Lowest score in the band (inclusive). Bands go from high to low.' }),
  })
  .strict();

/** A condition that forces a band whatever the score (一票否决). */
export const OverrideSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    band: IdSchema,
    when: LogicSchema.optional(),
    items: z.array(IdSchema).min(1).optional().meta({ description: 'Fires when any listed item fails.' }),
    basis: z.array(BasisSchema).optional(),
  })
  .strict();

/** Points, projects, bands and overrides. */
export const ScoringSchema = z
  .object({
    start: z.number().meta({ description: 'Points before any rule.' }),
    min: z.number().default(0),
    max: z.number().optional().meta({ description: 'Highest possible score; defaults to start.' }),
    bonusPolicy: z.enum(['total_capped', 'total_uncapped', 'within_project']).default('total_capped').meta({
      description:
        'total_capped: bonuses add to the total, which never exceeds max. total_uncapped: no ceiling. within_project: a bonus only offsets its own project’s deductions.',
    }),
    projects: z.array(ScoringProjectSchema).min(1),
    bands: z.array(BandSchema).min(1),
    overrides: z.array(OverrideSchema).optional(),
  })
  .strict();

/** What a report records for keeping (the loading record). */
export const RecordSchema = z
  .object({
    fields: z.array(FieldIdSchema).min(1),
    retention: LocalizedTextSchema.optional(),
  })
  .strict();

/** The labels of the whole ruleset's outcome (LOAD / REFUSE). */
export const OutcomesSchema = z
  .object({ pass: LocalizedTextSchema, fail: LocalizedTextSchema, incomplete: LocalizedTextSchema })
  .strict();

/** A change, per version. */
export const ChangelogEntrySchema = z
  .object({ version: z.string().regex(SEMVER), date: IsoDateSchema, changes: LocalizedTextSchema })
  .strict();

/** Where something in a composed ruleset came from: `<ruleset id>@<version>`, by id. */
const OriginsSchema = z.record(z.string(), z.string().min(1));

/**
 * A ruleset that extends another (a county's "1+X" menu: the base list, plus its own items, minus
 * the base items that do not apply locally). Composition (`composeRuleset`, `safecheck compose`)
 * turns it into a normal ruleset and writes `inherited`; a file without `inherited` must be composed
 * before it is loaded.
 */
export const ExtendsSchema = z
  .object({
    ruleset: IdSchema.meta({ description: 'The id of the base ruleset, found at rulesets/<id>/<version>.json.' }),
    version: z.string().regex(SEMVER).meta({ description: 'The exact version of the base.' }),
    remove: z
      .array(
        z
          .object({
            item: IdSchema.meta({ description: 'The id of a base item.' }),
            reason: LocalizedTextSchema.meta({ description: 'Why it does not apply here.' }),
          })
          .strict(),
      )
      .optional()
      .meta({ description: 'Base items that do not apply locally, each with the reason.' }),
    inherited: z
      .object({ sections: OriginsSchema, fields: OriginsSchema, items: OriginsSchema })
      .strict()
      .optional()
      .meta({
        description:
          'Written by composition, never by hand: what came from which ruleset@version. Everything else is local.',
      }),
  })
  .strict()
  .refine((e) => e.inherited !== undefined, {
    path: ['inherited'],
    message: 'must be composed (safecheck compose or composeRuleset) before it is loaded',
    // parseRuleset reports a refinement with its own code and both languages (see parse.ts).
    params: {
      code: 'not_composed',
      message: {
        'zh-CN': '须先合成（safecheck compose 或 composeRuleset）再加载',
        en: 'must be composed (safecheck compose or composeRuleset) before it is loaded',
      },
    },
  });

/** One ruleset file. */
export const RulesetSchema = z
  .object({
    $schema: z.string().optional(),
    id: IdSchema,
    version: z.string().regex(SEMVER, 'a semantic version such as 1.0.0'),
    dialect: z
      .number()
      .int()
      .positive()
      .meta({ description: `The engine dialect this ruleset needs (${DIALECT}).` }),
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema.optional(),
    supersedes: z.string().regex(SEMVER).optional().meta({ description: 'The version this one replaces.' }),
    changelog: z.array(ChangelogEntrySchema).min(1),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    basis: z.array(BasisSchema).min(1),
    outcomes: OutcomesSchema.optional(),
    criteria: z.array(CriterionSchema).optional(),
    sections: z.array(SectionSchema).min(1),
    fields: z.array(FieldSchema).default([]),
    items: z.array(ItemSchema).min(1),
    scoring: ScoringSchema.optional(),
    record: RecordSchema.optional(),
    extends: ExtendsSchema.optional(),
  })
  .strict()
  .meta({ title: 'safecheck ruleset', description: 'One versioned ruleset: sections, fields, items, scoring.' });

/** A legal basis. */
export type Basis = z.infer<typeof BasisSchema>;
/** An input field. */
export type Field = z.infer<typeof FieldSchema>;
/** The kinds of input field. */
export type FieldType = Field['type'];
/** A section of fields and items. */
export type Section = z.infer<typeof SectionSchema>;
/** A sentence an item says when it fails. */
export type Explain = z.infer<typeof ExplainSchema>;
/** A check. */
export type Item = z.infer<typeof ItemSchema>;
/** A major-hazard criterion. */
export type Criterion = z.infer<typeof CriterionSchema>;
/** A deduction or bonus. */
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;
/** A scoring project. */
export type ScoringProject = z.infer<typeof ScoringProjectSchema>;
/** A band of scores. */
export type Band = z.infer<typeof BandSchema>;
/** A condition forcing a band. */
export type Override = z.infer<typeof OverrideSchema>;
/** The scoring block. */
export type Scoring = z.infer<typeof ScoringSchema>;
/** A parsed ruleset. */
export type Ruleset = z.infer<typeof RulesetSchema>;
/** The `extends` block of a composed ruleset. */
export type Extends = z.infer<typeof ExtendsSchema>;
