import * as z from 'zod/mini';

// zod/mini: the functional build of zod, of which a bundle keeps only what the schemas use (the
// script-tag bundle has a 60 KB budget). zod compiles object parsers with `new Function` wherever a
// page allows it; safecheck never evaluates code (portals forbid it by Content-Security-Policy),
// so parsing stays interpreted.
z.config({ jitless: true });

/** The schema with metadata for the JSON Schema (editors' hover and completion), on a copy. */
const meta = <T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T => schema.check(z.meta(data));
/** The schema with a description for the JSON Schema, on a copy. */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => meta(schema, { description });
const nonEmpty = () => z.string().check(z.minLength(1));
const semver = () => z.string().check(z.regex(SEMVER, HINTS.semver.en));

/** The engine dialect this build understands. A ruleset names the dialect it needs. */
export const DIALECT = 1;

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const FIELD_ID = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

// What each pattern wants, in both languages. zod reports the English one as the issue's message;
// parseRuleset gives the expert both (patternHint).
/** @internal */
export const HINTS = {
  id: { 'zh-CN': '小写字母和数字，以“.”或“-”分隔', en: 'lowercase letters and digits, separated by "." or "-"' },
  fieldId: {
    'zh-CN': '以“.”分隔的标识符，如 vehicle.rtc_valid_to',
    en: 'dot-separated identifiers such as vehicle.rtc_valid_to',
  },
  date: { 'zh-CN': 'ISO 日期 YYYY-MM-DD', en: 'an ISO date YYYY-MM-DD' },
  semver: { 'zh-CN': '语义化版本号，如 1.0.0', en: 'a semantic version such as 1.0.0' },
  name: { 'zh-CN': '名称，如 limit 或 doc.valid_to', en: 'a name such as limit or doc.valid_to' },
  colour: { 'zh-CN': '颜色 #rrggbb', en: 'a colour #rrggbb' },
  key: { 'zh-CN': '除 __proto__ 以外的名称', en: 'a name other than __proto__' },
} as const;

/** @internal A pattern's hint in zh-CN and en, from the English message zod reports (else that message). */
export function patternHint(message: string): { readonly 'zh-CN': string; readonly en: string } {
  for (const hint of Object.values(HINTS)) if (hint.en === message) return hint;
  return { 'zh-CN': message, en: message };
}

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
export const LocalizedTextSchema = meta(
  z.custom<{ 'zh-CN': string; en: string }>().check((ctx) => {
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
  }),
  { title: 'Localized text', description: 'The same text in zh-CN and en.' },
);

/** A stable, lowercase, dotted or kebab id (`hazchem-78.4.12`). Once published it never changes meaning. */
export const IdSchema = described(
  z.string().check(z.maxLength(100), z.regex(ID, HINTS.id.en)),
  'Stable id: lowercase, dotted or kebab. Once published it never changes meaning.',
);

/** A field id: dot-separated identifiers (`vehicle.rtc_valid_to`); the dots nest the answer in rule data. */
export const FieldIdSchema = described(
  z.string().check(z.regex(FIELD_ID, HINTS.fieldId.en)),
  'Field id, read by rules as {"var": "<id>"}.',
);

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = meta(z.string().check(z.regex(ISO_DATE, HINTS.date.en)), { format: 'date' });

/** A JSON-Logic rule. Checked by the engine (operators, variables, depth), not by the schema. */
export const LogicSchema = meta(z.unknown(), {
  title: 'JSON-Logic rule',
  description: 'A JSON-Logic rule: {"operator": [arguments]}. See docs/guides/logic.md for the operators.',
});

/** Whether a text was checked against the official source. */
export const VerificationSchema = described(
  z.enum(['verified', 'unverified']),
  'verified: checked against the official text; unverified: drafted or recalled, an expert must confirm.',
);

/** A legal basis: the document, its number, the clause, and whether it was checked. */
export const BasisSchema = z.strictObject({
  document: described(LocalizedTextSchema, 'The law, regulation or standard, by title.'),
  number: described(z.optional(nonEmpty()), 'Its number, e.g. 应急〔2019〕78号 or GB/T 50493-2019.'),
  clause: described(z.optional(nonEmpty()), 'Article or clause, e.g. 第二十三条 or 5.5.2.'),
  status: VerificationSchema,
  note: z.optional(LocalizedTextSchema),
});

const FieldBase = {
  id: FieldIdSchema,
  section: described(IdSchema, 'The section the field is shown in.'),
  label: LocalizedTextSchema,
  help: z.optional(LocalizedTextSchema),
  required: described(
    z._default(z.boolean(), true),
    'Required fields make an item incomplete while blank; optional ones read as null.',
  ),
  appliesWhen: described(z.optional(LogicSchema), 'Shown only when this rule holds (absent: always).'),
};

const OptionSchema = z.strictObject({
  value: nonEmpty(),
  label: LocalizedTextSchema,
});

/** A yes/no fact. */
export const BooleanFieldSchema = z.strictObject({ ...FieldBase, type: z.literal('boolean') });

/** One of a closed list of options. */
export const ChoiceFieldSchema = z.strictObject({
  ...FieldBase,
  type: z.literal('choice'),
  options: z.array(OptionSchema).check(z.minLength(2)),
});

/** A number, optionally with a unit and bounds. */
export const NumberFieldSchema = z.strictObject({
  ...FieldBase,
  type: z.literal('number'),
  unit: described(z.optional(nonEmpty()), 'Unit symbol, e.g. t, m, h, mg/m3, ppm, %LEL.'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
});

/** A calendar date. */
export const DateFieldSchema = z.strictObject({ ...FieldBase, type: z.literal('date') });

/** Free text, optionally constrained by a pattern. */
export const TextFieldSchema = z.strictObject({
  ...FieldBase,
  type: z.literal('text'),
  pattern: described(z.optional(nonEmpty()), 'A regular expression the whole text must match.'),
  maxLength: z.optional(z.int().check(z.positive())),
});

/** A list of codes: from a closed list of options, or free codes matching a pattern (UN numbers). */
export const CodesFieldSchema = z.strictObject({
  ...FieldBase,
  type: z.literal('codes'),
  options: z.optional(z.array(OptionSchema).check(z.minLength(1))),
  pattern: z.optional(nonEmpty()),
});

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
export const SectionSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  parent: described(z.optional(IdSchema), 'The enclosing section, for sub-sections.'),
});

/** A sentence an item says when it fails, in the inspector's words. */
export const ExplainSchema = z.strictObject({
  when: described(z.optional(LogicSchema), 'Said when this rule holds (absent: always, on failure).'),
  text: described(
    LocalizedTextSchema,
    'The sentence. {name} is replaced by a value below or by the answer of the field with that id.',
  ),
  // An object cannot hold __proto__ as a plain key: zod would drop it unreported (parseRuleset reports it).
  values: z.optional(
    z.record(
      z.string().check(z.regex(/^[A-Za-z_][\w.]*$/, HINTS.name.en), z.regex(/^(?!__proto__$)/, HINTS.key.en)),
      LogicSchema,
    ),
  ),
});

/** A check: what must hold, when it applies, and what to do when it fails. */
export const ItemSchema = z.strictObject({
  id: IdSchema,
  section: IdSchema,
  title: described(LocalizedTextSchema, 'What to check, as an inspector reads it.'),
  description: z.optional(LocalizedTextSchema),
  appliesWhen: described(z.optional(LogicSchema), 'The item applies only when this holds (absent: always).'),
  judgment: described(
    z.optional(z.boolean()),
    'The inspector answers the item itself: compliant / noncompliant / not_applicable, with a note. No check needed.',
  ),
  check: described(z.optional(LogicSchema), 'What must hold for the item to pass.'),
  severity: z.enum(['general', 'major']),
  majorHazard: described(z.optional(nonEmpty()), 'The id of the major-hazard criterion it meets.'),
  guidance: described(LocalizedTextSchema, 'How to rectify a failure.'),
  basis: z.array(BasisSchema).check(z.minLength(1)),
  provenance: described(VerificationSchema, 'Whether the wording was checked against the official text.'),
  explain: z.optional(z.array(ExplainSchema)),
  tags: z.optional(z.array(nonEmpty())),
});

/** A criterion that makes a failure a major hazard (重大隐患). */
export const CriterionSchema = z.strictObject({
  id: nonEmpty(),
  title: LocalizedTextSchema,
  basis: z.optional(BasisSchema),
});

/** A deduction or bonus in a scoring project. */
export const ScoringRuleSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  effect: z.enum(['deduct', 'bonus']),
  points: described(z.number().check(z.positive()), 'Points per occurrence.'),
  when: described(z.optional(LogicSchema), 'The rule fires when this holds.'),
  count: described(
    z.optional(LogicSchema),
    'How many occurrences (per chemical, per person...). Points are multiplied by it.',
  ),
  items: described(
    z.optional(z.array(IdSchema).check(z.minLength(1))),
    'The rule fires once per listed item whose status is itemStatus.',
  ),
  itemStatus: z._default(z.enum(['fail', 'pass']), 'fail'),
  cap: described(z.optional(z.number().check(z.positive())), 'At most this many points from this rule.'),
  basis: z.optional(z.array(BasisSchema)),
});

/** A project: a group of rules whose deductions stop at `cap`. */
export const ScoringProjectSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  cap: described(z.nullable(z.number().check(z.positive())), 'Most points the project can deduct; null: no cap.'),
  rules: z.array(ScoringRuleSchema).check(z.minLength(1)),
});

/** A band of scores: the first band whose `min` the score reaches. */
export const BandSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, HINTS.colour.en)),
  min: described(z.number(), 'Lowest score in the band (inclusive). Bands go from high to low.'),
});

/** A condition that forces a band whatever the score (一票否决). */
export const OverrideSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  band: IdSchema,
  when: z.optional(LogicSchema),
  items: described(z.optional(z.array(IdSchema).check(z.minLength(1))), 'Fires when any listed item fails.'),
  basis: z.optional(z.array(BasisSchema)),
});

/** Points, projects, bands and overrides. */
export const ScoringSchema = z.strictObject({
  start: described(z.number(), 'Points before any rule.'),
  min: z._default(z.number(), 0),
  max: described(z.optional(z.number()), 'Highest possible score; defaults to start.'),
  bonusPolicy: described(
    z._default(z.enum(['total_capped', 'total_uncapped', 'within_project']), 'total_capped'),
    'total_capped: bonuses add to the total, which never exceeds max. total_uncapped: no ceiling. within_project: a bonus only offsets its own project’s deductions.',
  ),
  projects: z.array(ScoringProjectSchema).check(z.minLength(1)),
  bands: z.array(BandSchema).check(z.minLength(1)),
  overrides: z.optional(z.array(OverrideSchema)),
});

/** What a report records for keeping (the loading record). */
export const RecordSchema = z.strictObject({
  fields: z.array(FieldIdSchema).check(z.minLength(1)),
  retention: z.optional(LocalizedTextSchema),
});

/** The labels of the whole ruleset's outcome (LOAD / REFUSE). */
export const OutcomesSchema = z.strictObject({
  pass: LocalizedTextSchema,
  fail: LocalizedTextSchema,
  incomplete: LocalizedTextSchema,
});

/** A change, per version. */
export const ChangelogEntrySchema = z.strictObject({
  version: semver(),
  date: IsoDateSchema,
  changes: LocalizedTextSchema,
});

/** Where something in a composed ruleset came from: `<ruleset id>@<version>`, by id. */
const OriginsSchema = z.record(z.string(), nonEmpty());

/**
 * A ruleset that extends another (a county's "1+X" menu: the base list, plus its own items, minus
 * the base items that do not apply locally). Composition (`composeRuleset`, `safecheck compose`)
 * turns it into a normal ruleset and writes `inherited`; a file without `inherited` must be composed
 * before it is loaded.
 */
export const ExtendsSchema = z
  .strictObject({
    ruleset: described(IdSchema, 'The id of the base ruleset, found at rulesets/<id>/<version>.json.'),
    version: described(semver(), 'The exact version of the base.'),
    remove: described(
      z.optional(
        z.array(
          z.strictObject({
            item: described(IdSchema, 'The id of a base item.'),
            reason: described(LocalizedTextSchema, 'Why it does not apply here.'),
          }),
        ),
      ),
      'Base items that do not apply locally, each with the reason.',
    ),
    inherited: described(
      z.optional(z.strictObject({ sections: OriginsSchema, fields: OriginsSchema, items: OriginsSchema })),
      'Written by composition, never by hand: what came from which ruleset@version. Everything else is local.',
    ),
  })
  .check(
    z.refine((e) => e.inherited !== undefined, {
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
    }),
  );

/** One ruleset file. */
export const RulesetSchema = meta(
  z.strictObject({
    $schema: z.optional(z.string()),
    id: IdSchema,
    version: semver(),
    dialect: described(z.int().check(z.positive()), `The engine dialect this ruleset needs (${DIALECT}).`),
    validFrom: IsoDateSchema,
    validTo: z.optional(IsoDateSchema),
    supersedes: described(z.optional(semver()), 'The version this one replaces.'),
    changelog: z.array(ChangelogEntrySchema).check(z.minLength(1)),
    title: LocalizedTextSchema,
    description: z.optional(LocalizedTextSchema),
    basis: z.array(BasisSchema).check(z.minLength(1)),
    outcomes: z.optional(OutcomesSchema),
    criteria: z.optional(z.array(CriterionSchema)),
    sections: z.array(SectionSchema).check(z.minLength(1)),
    fields: z._default(z.array(FieldSchema), []),
    items: z.array(ItemSchema).check(z.minLength(1)),
    scoring: z.optional(ScoringSchema),
    record: z.optional(RecordSchema),
    extends: z.optional(ExtendsSchema),
  }),
  { title: 'safecheck ruleset', description: 'One versioned ruleset: sections, fields, items, scoring.' },
);

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
