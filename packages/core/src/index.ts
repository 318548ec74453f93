export { parseRuleset, isParsed, type ParseResult } from './parse.js';
export {
  compileLogic,
  analyzeLogic,
  DEFAULT_LIMITS,
  type Logic,
  type CompiledLogic,
  type LogicLimits,
  type LogicAnalysis,
} from './engine/compile.js';
export {
  operatorNames,
  operatorInfo,
  truthy,
  LogicThrow,
  type OperatorInfo,
  type OperatorFamily,
} from './engine/operators.js';
export { evaluate, itemInputs, type EvaluateOptions } from './engine/evaluate.js';
export { createSession, Session, type ItemChange, type SessionUpdate, type Progress } from './engine/session.js';
export type { Condition } from './engine/explain.js';
export { checkAnswers, type Answers, type CheckedAnswers, type Judgment, type Verdict } from './answers/answers.js';
export type { ScoreResult, ScoreLine, ProjectScore, FiredOverride } from './grading/score.js';
export type {
  Report,
  LoadingRecord,
  ItemResult,
  ItemStatus,
  Outcome,
  Explanation,
  Counts,
  MajorHazard,
} from './report/types.js';
export { formatValue } from './report/format.js';
export {
  SafecheckError,
  formatPath,
  type Issue,
  type IssueCode,
  type IssueSeverity,
  type PathSegment,
} from './issues.js';
export { localize, perLocale, LOCALES, DEFAULT_LOCALE, type Locale, type LocalizedText } from './text.js';
export {
  DIALECT,
  RulesetSchema,
  FieldSchema,
  ItemSchema,
  SectionSchema,
  BasisSchema,
  ScoringSchema,
  ScoringProjectSchema,
  ScoringRuleSchema,
  BandSchema,
  OverrideSchema,
  CriterionSchema,
  ExplainSchema,
  BooleanFieldSchema,
  ChoiceFieldSchema,
  NumberFieldSchema,
  DateFieldSchema,
  TextFieldSchema,
  CodesFieldSchema,
  RecordSchema,
  OutcomesSchema,
  ChangelogEntrySchema,
  IdSchema,
  FieldIdSchema,
  IsoDateSchema,
  LogicSchema,
  VerificationSchema,
  LocalizedTextSchema,
  type Ruleset,
  type Field,
  type FieldType,
  type Item,
  type Section,
  type Basis,
  type Scoring,
  type ScoringProject,
  type ScoringRule,
  type Band,
  type Override,
  type Criterion,
  type Explain,
} from './schema/ruleset.js';
export {
  CasesFileSchema,
  CaseSchema,
  CaseExpectSchema,
  type CasesFile,
  type Case,
  type CaseExpect,
} from './schema/cases.js';
export { runCases, caseAnswers, type CaseResult } from './cases.js';
export { ExtendsSchema, type Extends } from './schema/ruleset.js';
export { composeRuleset, type ComposeOptions, type ComposeResult, type Pruned } from './compose/compose.js';
export { ISSUE_CODES } from './issues.js';
export {
  parseVersion,
  compareVersions,
  versionBump,
  bumpSatisfies,
  type SemVer,
  type VersionBump,
  type RequiredBump,
} from './versions/semver.js';
export {
  diffRulesets,
  type RulesetDiff,
  type RulesetChange,
  type ChangeTarget,
  type ChangeKind,
  type ChangeLevel,
} from './versions/diff.js';
export {
  migrateAnswers,
  type Migration,
  type MigrationNote,
  type MigrationNoteKind,
  type MigrateOptions,
} from './versions/migrate.js';
export { pickVersion, type VersionPick, type Dated } from './versions/pick.js';
export { fieldUsage, type FieldUsage, type UsageSource } from './compose/usage.js';
export {
  FINDING_STATUSES,
  type FindingStatus,
  type FindingCommand,
  type TrackingLevel,
  type TrackingRule,
  type FindingPolicy,
  type Tracking,
  type FindingInput,
  type Rectification,
  type Verification,
  type Finding,
  type FindingAction,
  type FindingEventBase,
  type FoundEvent,
  type AssignedEvent,
  type RectifiedEvent,
  type VerifiedEvent,
  type ClosedEvent,
  type ReopenedEvent,
  type FindingEvent,
} from './findings/types.js';
export { DEFAULT_FINDING_POLICY, trackingLevel } from './findings/policy.js';
export { findingsFromReport, type FindingsOptions, type FindingsResult } from './findings/create.js';
export {
  assignFinding,
  rectifyFinding,
  verifyFinding,
  closeFinding,
  reopenFinding,
  findingActions,
  type FindingTransition,
  type TransitionInput,
  type AssignInput,
  type RectifyInput,
  type VerifyInput,
  type ReopenInput,
} from './findings/transitions.js';
export {
  summarizeFindings,
  isOverdue,
  daysOverdue,
  type FindingCounts,
  type OverdueFinding,
  type FindingSummary,
} from './findings/queries.js';
export { verificationFields } from './findings/fields.js';
