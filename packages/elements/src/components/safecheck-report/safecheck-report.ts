import {
  evaluate,
  formatValue,
  localize,
  type Answers,
  type Basis,
  type Field,
  type FiredOverride,
  type Issue,
  type ItemResult,
  type LocalizedText,
  type Override,
  type Report,
  type Ruleset,
  type ScoreResult,
} from '@safecheck/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { SafecheckElement } from '../../internal/safecheck-element.js';
import { messages, type Messages } from '../../internal/messages.js';
import { issueItems } from '../../internal/issue-list.js';
import { loadRuleset } from '../../internal/ruleset-cache.js';
import { shapeIssues, type Shape } from '../../internal/shape.js';
import { tokens } from '../../internal/tokens.styles.js';
import { reportStyles } from './safecheck-report.styles.js';

/** What the renderer reads of a report (see {@link Shape}). */
const REPORT: Shape = {
  ruleset: { id: 'string', version: 'string', title: 'text' },
  outcome: 'pass|fail|incomplete',
  'outcomeLabel?': 'text',
  items: [
    {
      id: 'string',
      section: 'string',
      status: 'pass|fail|not_applicable|incomplete',
      title: 'text',
      'explanation?': { text: 'text', missing: [{ label: 'text' }] },
    },
  ],
  totals: { all: {} },
  majorHazards: [{ title: 'text', 'criterionTitle?': 'text' }],
  unverifiedItems: 'number',
  'score?': {
    score: 'number',
    start: 'number',
    deductions: 'number',
    bonuses: 'number',
    band: { id: 'string', label: 'text', 'color?': 'string' },
    scoreBand: { id: 'string', label: 'text' },
    overrides: [{ override: 'string', title: 'text', 'items?': ['string'], 'explanation?': { text: 'text' } }],
    projects: [
      {
        title: 'text',
        cap: 'number|null',
        lines: [{ title: 'text', count: 'number', points: 'number', total: 'number' }],
      },
    ],
  },
  'record?': { values: {}, 'retention?': 'text' },
  issues: [{ message: 'text' }],
};

/**
 * A report of one evaluation, as an inspector reads it and as it prints on A4: the outcome in
 * large type (LOAD or REFUSE for the loading checks); for graded rulesets the score, the band
 * as a colour badge and every deduction and bonus; the major hazards first; the failed checks
 * grouped by section with their explanation and rectification guidance; checks whose wording is
 * unverified marked as such; and the record the ruleset asks to keep.
 *
 * Give it a `report` (from `evaluate`, a session or the `safecheck-submit` event) and the
 * `ruleset` (for section titles, guidance and bases); or a `ruleset`, `answers` and `date`,
 * and it evaluates them itself.
 *
 * @summary A report: outcome, score and band, major hazards, failures with guidance.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The ruleset's title, version and date.
 * @csspart outcome - The outcome, in large type.
 * @csspart score - The score block of graded rulesets.
 * @csspart band - The colour badge of the band.
 * @csspart hazards - The list of major hazards.
 * @csspart section - A section's failed checks.
 * @csspart item - A failed or incomplete check.
 * @csspart verdict - A check's verdict badge.
 * @csspart explanation - Why a check failed.
 * @csspart guidance - How to rectify it.
 * @csspart record - The values kept for the record.
 * @csspart totals - The counts of verdicts.
 * @csspart button - The print button.
 *
 * @cssproperty --safecheck-color-pass - The pass outcome. Default #00703c.
 * @cssproperty --safecheck-color-fail - The fail outcome, failures and major hazards. Default #b10e1e.
 * @cssproperty --safecheck-color-incomplete - The incomplete outcome. Default #7a4d00.
 * @cssproperty --safecheck-color-text - Text. Default #1f2328.
 * @cssproperty --safecheck-color-muted - Secondary text. Default #505a5f.
 * @cssproperty --safecheck-color-surface - Background. Default #ffffff.
 * @cssproperty --safecheck-color-surface-alt - Background of panels. Default #f3f4f6.
 * @cssproperty --safecheck-color-border - Borders. Default #6b7280.
 * @cssproperty --safecheck-color-accent - The print button. Default #1d4ed8.
 * @cssproperty --safecheck-font-family - The font.
 * @cssproperty --safecheck-font-size - The base font size. Default 1rem.
 *
 * @example
 * <safecheck-report></safecheck-report>
 * <script type="module">
 *   document.querySelector('safecheck-report').report = report;
 * </script>
 */
export class SafecheckReport extends SafecheckElement {
  static override styles = [tokens, reportStyles];

  static override properties = {
    report: { attribute: false },
    ruleset: { attribute: false },
    answers: { attribute: false },
    date: { type: String },
    noPrintButton: { type: Boolean, attribute: 'no-print-button' },
  };

  /** The report to show. When unset, the element evaluates `answers` against `ruleset`. */
  declare report: Report | null | undefined;
  /** The ruleset the report is of: section titles, guidance, bases and field labels come from it. */
  declare ruleset: Ruleset | object | null | undefined;
  /** Answers to evaluate when no `report` is given. */
  declare answers: Answers | undefined;
  /** The evaluation date (`YYYY-MM-DD`) used with `answers`. */
  declare date: string | undefined;
  /** Hides the print button (it never prints). */
  declare noPrintButton: boolean;

  #ruleset: Ruleset | null = null;
  #items = new Map<string, Ruleset['items'][number]>();
  #overrides = new Map<string, Override>();
  #evaluated: Report | null = null;
  #rulesetIssues: readonly Issue[] = [];
  #checked: { value: unknown; issues: readonly Issue[] } = { value: undefined, issues: [] };

  constructor() {
    super();
    this.noPrintButton = false;
  }

  /** The report shown: the one given, or the one evaluated from `answers`; null if `report` is not one. */
  get shownReport(): Report | null {
    if (this.report === undefined || this.report === null) return this.#evaluated;
    return this.reportIssues.length > 0 ? null : this.report;
  }

  /** Why `report` cannot be shown, if it cannot: what it lacks, with paths into it. */
  get reportIssues(): readonly Issue[] {
    // Checked once per object, as rulesets are: a host sets the same report again on re-renders.
    const value = this.report;
    if (this.#checked.value !== value) {
      this.#checked = { value, issues: value === undefined || value === null ? [] : shapeIssues(value, REPORT) };
    }
    return this.#checked.issues;
  }

  /** Why the ruleset could not be used, if it could not. */
  get rulesetIssues(): readonly Issue[] {
    return this.#rulesetIssues;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ruleset')) {
      // null is no ruleset, as undefined is: what a form's loadedRuleset is before it loads.
      const loaded = this.ruleset === undefined || this.ruleset === null ? null : loadRuleset(this.ruleset);
      this.#ruleset = loaded && 'ruleset' in loaded ? loaded.ruleset : null;
      this.#rulesetIssues = loaded && 'issues' in loaded ? loaded.issues : [];
      if (!this.#ruleset) this.#evaluated = null;
      this.#items = new Map((this.#ruleset?.items ?? []).map((i) => [i.id, i]));
      this.#overrides = new Map((this.#ruleset?.scoring?.overrides ?? []).map((o) => [o.id, o]));
    }
    if (!this.report && this.#ruleset && (changed.has('ruleset') || changed.has('answers') || changed.has('date'))) {
      this.#evaluated = evaluate(this.#ruleset, this.answers ?? {}, this.date ? { date: this.date } : {});
    }
  }

  protected override updated(): void {
    // Through the CSSOM, not a style attribute: a strict Content-Security-Policy forbids those.
    const band = this.renderRoot.querySelector<HTMLElement>('[part=band]');
    const color = this.shownReport?.score?.band.color;
    if (band && color) {
      band.style.setProperty('--band', color);
      band.style.setProperty('--band-text', textOn(color));
    }
  }

  override render(): TemplateResult {
    const report = this.shownReport;
    const m = messages(this.locale);
    const locale = this.locale;
    const problems = [
      this.#renderIssues(m.invalidReport, this.reportIssues, m),
      this.#renderIssues(m.invalidRuleset, this.#rulesetIssues, m),
    ].filter((p) => p !== nothing);
    if (!report) return html`<div part="base" class="base ${problems.length > 0 ? '' : 'empty'}">${problems}</div>`;
    const outcomeText = report.outcomeLabel ? localize(report.outcomeLabel, locale) : m.outcome[report.outcome];
    const fails = report.items.filter((i) => i.status === 'fail');
    const incomplete = report.items.filter((i) => i.status === 'incomplete');
    return html`<article part="base" class="base" aria-labelledby="title">
      <header part="header" class="header">
        <h2 id="title" class="title">${m.report}${m.colon}${localize(report.ruleset.title, locale)}</h2>
        <p class="meta">
          ${report.ruleset.id} · ${m.version}
          ${report.ruleset.version}${
            report.date ? html` · ${m.date} <time datetime=${report.date}>${report.date}</time>` : nothing
          }
        </p>
        ${
          this.noPrintButton
            ? nothing
            : html`<button type="button" part="button" class="button secondary print" @click=${this.#print}>
                ${m.print}
              </button>`
        }
      </header>
      ${problems}
      <p part="outcome" class="outcome ${report.outcome}" data-outcome=${report.outcome}>${outcomeText}</p>
      ${report.score ? this.#renderScore(report.score, report, m) : nothing}
      ${
        report.majorHazards.length > 0
          ? html`<section part="hazards" class="hazards" aria-labelledby="hazards-title">
              <h3 id="hazards-title">${m.withNote(m.majorHazards, String(report.majorHazards.length))}</h3>
              <ul>
                ${report.majorHazards.map(
                  (h) =>
                    html`<li>
                      <strong>${localize(h.title, locale)}</strong>
                      ${h.criterionTitle ? html`<br /><span class="muted">${localize(h.criterionTitle, locale)}</span>` : nothing}
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      ${
        report.unverifiedItems > 0
          ? html`<p class="unverified-note">
              <span class="badge outline">${m.unverified}</span> ${m.unverifiedNote(report.unverifiedItems)}
            </p>`
          : nothing
      }
      <section class="fails" aria-labelledby="fails-title">
        <h3 id="fails-title">${m.withNote(m.fails, String(fails.length))}</h3>
        ${fails.length === 0 ? html`<p>${m.noFails}</p>` : this.#renderBySection(fails, m)}
      </section>
      ${
        incomplete.length > 0
          ? html`<section class="incomplete-items" aria-labelledby="incomplete-title">
              <h3 id="incomplete-title">${m.withNote(m.incompleteItems, String(incomplete.length))}</h3>
              ${this.#renderBySection(incomplete, m)}
            </section>`
          : nothing
      }
      ${this.#renderTotals(report, m)} ${this.#renderRecord(report, m)}
      ${
        report.issues.length > 0
          ? html`<section class="issues" aria-labelledby="issues-title">
              <h3 id="issues-title">${m.issues}</h3>
              <ul>
                ${report.issues.map((i) => html`<li>${localize(i.message, locale)}</li>`)}
              </ul>
            </section>`
          : nothing
      }
    </article>`;
  }

  /** Input that cannot be used, shown as the form shows an invalid ruleset. */
  #renderIssues(title: string, issues: readonly Issue[], m: Messages): TemplateResult | typeof nothing {
    if (issues.length === 0) return nothing;
    return html`<div role="alert" class="load-error">
      <p>${title}</p>
      <ul>
        ${issueItems(issues, this.locale, m.moreErrors)}
      </ul>
    </div>`;
  }

  #renderScore(score: ScoreResult, report: Report, m: Messages): TemplateResult {
    const locale = this.locale;
    const fmt = (n: number) => String(Number(n.toFixed(3)));
    const results = new Map(report.items.map((i) => [i.id, i]));
    return html`<section part="score" class="score" aria-labelledby="score-title">
      <h3 id="score-title" class="visually-hidden">${m.score}</h3>
      <div class="score-head">
        <p class="score-value"><span class="score-label">${m.score}</span> <strong>${fmt(score.score)}</strong></p>
        <p class="band-line">
          <span class="score-label">${m.band}</span>
          <span part="band" class="band" data-band=${score.band.id}>${localize(score.band.label, locale)}</span>
          ${
            score.band.id !== score.scoreBand.id
              ? this.#note(m.scoreBandNote(localize(score.scoreBand.label, locale)), m)
              : nothing
          }
        </p>
      </div>
      ${score.complete ? nothing : html`<p class="muted">${m.scoreIncomplete}</p>`}
      ${
        score.overrides.length > 0
          ? html`<div class="overrides">
              <h4>${m.overrides}</h4>
              <ul>
                ${score.overrides.map((o) => this.#renderOverride(o, results, m))}
              </ul>
            </div>`
          : nothing
      }
      ${score.projects
        .filter((p) => p.lines.length > 0)
        .map(
          (p) =>
            html`<table class="lines">
              <caption>
                ${localize(p.title, locale)}${this.#capNote(p, fmt, m)}
              </caption>
              <tbody>
                ${p.lines.map(
                  (l) =>
                    html`<tr class=${l.effect}>
                      <th scope="row">${localize(l.title, locale)}</th>
                      <td class="num">${l.count > 1 ? `${fmt(l.points)} × ${fmt(l.count)}` : ''}</td>
                      <td class="num">${l.effect === 'deduct' ? '−' : '+'}${m.points(fmt(l.total))}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
        )}
      <p class="score-sum">
        ${score.start} − ${fmt(score.deductions)}
        ${m.deductions}${score.bonuses > 0 ? html` + ${fmt(score.bonuses)} ${m.bonuses}` : nothing} =
        <strong>${fmt(score.score)}</strong>
      </p>
    </section>`;
  }

  #renderBySection(items: readonly ItemResult[], m: Messages): TemplateResult[] {
    const locale = this.locale;
    const rs = this.#ruleset;
    const order = new Map((rs?.sections ?? []).map((s, i) => [s.id, i]));
    const groups = new Map<string, ItemResult[]>();
    for (const item of items) {
      const list = groups.get(item.section);
      if (list) list.push(item);
      else groups.set(item.section, [item]);
    }
    const sectionIds = [...groups.keys()].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
    const rank = (i: ItemResult) => (i.majorHazard ? 0 : i.severity === 'major' ? 1 : 2);
    return sectionIds.map((sid) => {
      const section = rs?.sections.find((s) => s.id === sid);
      const list = [...groups.get(sid)!].sort((a, b) => rank(a) - rank(b));
      return html`<section part="section" class="section">
        <h4>${section ? localize(section.title, locale) : sid}</h4>
        <ul class="items">
          ${list.map((i) => this.#renderItem(i, m))}
        </ul>
      </section>`;
    });
  }

  #renderItem(result: ItemResult, m: Messages): TemplateResult {
    const locale = this.locale;
    const item = this.#items.get(result.id);
    const ex = result.explanation;
    return html`<li
      part="item"
      class="item ${result.status} ${result.majorHazard ? 'hazard' : ''}"
      data-item=${result.id}
    >
      <div class="item-head">
        <span part="verdict" class="badge ${result.status}">${m.status[result.status]}</span>
        <strong class="item-title">${localize(result.title, locale)}</strong>
        ${result.majorHazard ? html`<span class="badge fail">${m.majorHazard}</span>` : nothing}
        ${result.severity === 'major' && !result.majorHazard ? html`<span class="badge major">${m.major}</span>` : nothing}
        ${result.provenance === 'unverified' ? html`<span class="badge outline unverified">${m.unverified}</span>` : nothing}
        <span class="item-id">${result.id}</span>
      </div>
      ${ex && result.status === 'fail' ? this.#renderWhy(ex.text, m) : nothing}
      ${
        ex && result.status === 'incomplete' && ex.missing.length > 0
          ? html`<p part="explanation" class="explanation">
              <strong>${m.missingInputs}${m.colon}</strong>${ex.missing
                .map((x) => localize(x.label, locale))
                .join(m.listSeparator)}
            </p>`
          : nothing
      }
      ${
        item && result.status === 'fail'
          ? html`<p part="guidance" class="guidance">
                <strong>${m.guidance}${m.colon}</strong>${localize(item.guidance, locale)}
              </p>
              ${this.#renderBasis(item.basis, m)}`
          : nothing
      }
    </li>`;
  }

  /**
   * Why a band was forced: the conditions of its rule that held, the failed items an item-bound
   * override names (with theirs), and the override's basis from the ruleset.
   */
  #renderOverride(fired: FiredOverride, results: ReadonlyMap<string, ItemResult>, m: Messages): TemplateResult {
    const locale = this.locale;
    const basis = this.#overrides.get(fired.override)?.basis ?? [];
    return html`<li class="override" data-override=${fired.override}>
      <strong>${localize(fired.title, locale)}</strong>
      ${
        basis.some((b) => b.status === 'unverified')
          ? html`<span class="badge outline unverified">${m.unverified}</span>`
          : nothing
      }
      ${fired.explanation ? this.#renderWhy(fired.explanation.text, m) : nothing}
      ${
        fired.items && fired.items.length > 0
          ? html`<ul class="override-items">
              ${fired.items.map((id) => {
                const result = results.get(id);
                return html`<li>
                  <span class="badge fail">${m.status.fail}</span>
                  ${result ? localize(result.title, locale) : id} <span class="item-id">${id}</span>
                  ${result?.explanation ? this.#renderWhy(result.explanation.text, m) : nothing}
                </li>`;
              })}
            </ul>`
          : nothing
      }
      ${this.#renderBasis(basis, m)}
    </li>`;
  }

  #renderWhy(text: LocalizedText, m: Messages): TemplateResult {
    return html`<p part="explanation" class="explanation">
      <strong>${m.why}${m.colon}</strong>${localize(text, this.locale)}
    </p>`;
  }

  #renderBasis(basis: readonly Basis[], m: Messages): TemplateResult | typeof nothing {
    if (basis.length === 0) return nothing;
    const locale = this.locale;
    const one = (b: Basis) => {
      const document = localize(b.document, locale);
      return `${b.number ? m.withNote(document, b.number) : document}${b.clause ? ` ${b.clause}` : ''}`;
    };
    return html`<p class="basis"><strong>${m.basis}${m.colon}</strong>${basis.map(one).join(m.clauseSeparator)}</p>`;
  }

  /** What a project's caption adds about its cap: the cap, and whether it was reached. */
  #capNote(
    p: ScoreResult['projects'][number],
    fmt: (n: number) => string,
    m: Messages,
  ): TemplateResult | typeof nothing {
    if (p.cap === null) return nothing;
    return this.#note(p.capped ? `${m.cap(fmt(p.cap))}${m.comma}${m.capped}` : m.cap(fmt(p.cap)), m);
  }

  /** A muted note in brackets after what precedes it. */
  #note(text: string, m: Messages): TemplateResult {
    return html`<span class="muted">${m.withNote('', text)}</span>`;
  }

  #renderTotals(report: Report, m: Messages): TemplateResult {
    const t = report.totals.all;
    return html`<section part="totals" class="totals" aria-labelledby="totals-title">
      <h3 id="totals-title">${m.totals}</h3>
      <dl>
        <div>
          <dt>${m.status.pass}</dt>
          <dd>${t.pass}</dd>
        </div>
        <div>
          <dt>${m.status.fail}</dt>
          <dd>${t.fail}</dd>
        </div>
        <div>
          <dt>${m.status.incomplete}</dt>
          <dd>${t.incomplete}</dd>
        </div>
        <div>
          <dt>${m.status.not_applicable}</dt>
          <dd>${t.not_applicable}</dd>
        </div>
      </dl>
    </section>`;
  }

  #renderRecord(report: Report, m: Messages): TemplateResult | typeof nothing {
    if (!report.record) return nothing;
    const locale = this.locale;
    const fields = new Map<string, Field>((this.#ruleset?.fields ?? []).map((f) => [f.id, f]));
    const { values, retention } = report.record;
    const entries = Object.entries(values);
    if (entries.length === 0) return nothing;
    return html`<section part="record" class="record" aria-labelledby="record-title">
      <h3 id="record-title">${m.record}</h3>
      <dl>
        ${entries.map(([key, value]) => {
          const field = fields.get(key);
          return html`<div>
            <dt>${field ? localize(field.label, locale) : key}</dt>
            <dd>${formatValue(value, locale, field)}</dd>
          </div>`;
        })}
      </dl>
      ${retention ? html`<p class="muted">${m.retention}${m.colon}${localize(retention, locale)}</p>` : nothing}
    </section>`;
  }

  #print = (): void => {
    globalThis.print?.();
  };
}

/** Black or white, whichever reads better on a band colour (WCAG relative luminance). */
function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

declare global {
  interface HTMLElementTagNameMap {
    'safecheck-report': SafecheckReport;
  }
}
