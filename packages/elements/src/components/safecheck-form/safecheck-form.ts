import {
  createSession,
  formatValue,
  localize,
  type Answers,
  type Field,
  type Issue,
  type Item,
  type ItemChange,
  type ItemResult,
  type ItemStatus,
  type Locale,
  type Report,
  type Ruleset,
  type Section,
  type Session,
} from '@safecheck/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { SafecheckChangeEvent } from '../../events/safecheck-change-event.js';
import { SafecheckSubmitEvent } from '../../events/safecheck-submit-event.js';
import { draftKey, readDraft, removeDraft, writeDraft, type Draft } from '../../internal/drafts.js';
import { SafecheckElement } from '../../internal/safecheck-element.js';
import { elementLocale, messages, type Messages } from '../../internal/messages.js';
import { fetchRuleset, loadRuleset } from '../../internal/ruleset-cache.js';
import { tokens } from '../../internal/tokens.styles.js';
import { formStyles } from './safecheck-form.styles.js';

/** A top-level section and the sub-sections shown with it: one step of the form. */
interface Page {
  readonly section: Section;
  /** The section and its descendants, in ruleset order. */
  readonly sections: readonly Section[];
}

/** One line of the error summary. */
interface FormError {
  readonly key: string;
  readonly text: string;
  readonly missing: boolean;
}

type Step = number | 'review' | 'done';

/** What one render reads many times, taken once per change of the answers. */
interface Snapshot {
  readonly rev: number;
  readonly answers: Answers;
  /** The error issues of the answers, by answer key. */
  readonly issues: ReadonlyMap<string, Issue>;
  /** Whether each field is shown, as asked. */
  readonly applies: Map<string, boolean>;
}

const VERDICTS = ['compliant', 'noncompliant', 'not_applicable'] as const;
const CODE_SEPARATORS = /[\s,，、;；]+/u;
const ERRORS_SHOWN = 25;

/**
 * A form that turns a safecheck ruleset into a working checklist: every field type, items that
 * do not apply hidden, each item's verdict shown live as the inspector answers, a progress bar,
 * section navigation with counts, an error summary that takes focus, a review step and a final
 * submit. Answers autosave as a draft and come back after a reload.
 *
 * Inside a `<form>`, it is a form control: the answers are submitted as one JSON value under its
 * `name`, and an incomplete or invalid checklist blocks submission through the browser's own
 * validity mechanism.
 *
 * The language is the element's `lang` (or its nearest ancestor's): `zh-CN` by default, `en`.
 *
 * @summary A checklist form with live verdicts, drafts and a review step.
 *
 * @fires {SafecheckChangeEvent} safecheck-change - An answer changed; carries the answers and the items whose verdict changed.
 * @fires {SafecheckSubmitEvent} safecheck-submit - The inspector confirmed the review step; carries the answers and the report. Cancelable.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title, description and progress.
 * @csspart title - The ruleset's title.
 * @csspart progress - The progress bar.
 * @csspart notice - A draft notice: restored, unreadable or not saved.
 * @csspart summary - The error summary.
 * @csspart nav - The section navigation.
 * @csspart nav-link - A section's button in the navigation.
 * @csspart section - A section of the form.
 * @csspart field - A field: its label, hint, error and control.
 * @csspart label - A field's or item's label.
 * @csspart hint - A field's help text.
 * @csspart error - A field's error message.
 * @csspart input - A text, number or date input, or a select.
 * @csspart item - A check, with its verdict.
 * @csspart verdict - An item's live verdict badge.
 * @csspart explanation - Why an item failed or what it still needs.
 * @csspart review - The review step.
 * @csspart button - Every button.
 *
 * @cssproperty --safecheck-color-accent - Buttons, links and the progress bar. Default #1d4ed8.
 * @cssproperty --safecheck-color-accent-text - Text on the accent colour. Default #ffffff.
 * @cssproperty --safecheck-color-text - Text. Default #1f2328.
 * @cssproperty --safecheck-color-muted - Hints and secondary text. Default #505a5f.
 * @cssproperty --safecheck-color-surface - Background. Default #ffffff.
 * @cssproperty --safecheck-color-surface-alt - Background of panels. Default #f3f4f6.
 * @cssproperty --safecheck-color-border - Borders of controls. Default #6b7280.
 * @cssproperty --safecheck-color-pass - Pass verdicts. Default #00703c.
 * @cssproperty --safecheck-color-fail - Fail verdicts and errors. Default #b10e1e.
 * @cssproperty --safecheck-color-incomplete - Incomplete verdicts. Default #7a4d00.
 * @cssproperty --safecheck-color-not-applicable - Not-applicable verdicts. Default #505a5f.
 * @cssproperty --safecheck-color-focus - The focus ring. Default #ffbf47.
 * @cssproperty --safecheck-font-family - The font. Default: the system's, with CJK fallbacks.
 * @cssproperty --safecheck-font-size - The base font size. Default 1rem.
 * @cssproperty --safecheck-radius - Corner radius. Default 4px.
 * @cssproperty --safecheck-space - The base spacing. Default 1rem.
 *
 * @cssstate invalid - The answers are incomplete or invalid.
 * @cssstate review - The review step is shown.
 *
 * @example
 * <safecheck-form src="/rulesets/loading-five-checks/1.0.0.json" name="inspection" date="2026-03-13"></safecheck-form>
 */
export class SafecheckForm extends SafecheckElement {
  /** Makes the element a form control (ElementInternals). */
  static readonly formAssociated = true;

  static override styles = [tokens, formStyles];

  static override properties = {
    src: { type: String },
    ruleset: { attribute: false },
    date: { type: String },
    name: { type: String, reflect: true },
    draftKey: { type: String, attribute: 'draft-key' },
    noDraft: { type: Boolean, attribute: 'no-draft' },
    disabled: { type: Boolean, reflect: true },
  };

  /** The URL of a ruleset JSON file, fetched when `ruleset` is not set. */
  declare src: string | undefined;
  /** The ruleset: a parsed ruleset or its JSON value. Takes precedence over `src`. */
  declare ruleset: Ruleset | object | undefined;
  /**
   * The evaluation date, `YYYY-MM-DD`, read by rules as `$date` (document validity). The
   * element never reads the clock: without a date, the checks that need one stay incomplete.
   */
  declare date: string | undefined;
  /** The name under which the answers are submitted with a host `<form>`, as a JSON text. */
  declare name: string;
  /** The host's part of the draft key (a case or inspection number): one draft per key. */
  declare draftKey: string;
  /** Turns off the draft saved in localStorage. */
  declare noDraft: boolean;
  /** Disables every control. A disabled `<fieldset>` around the element disables it too. */
  declare disabled: boolean;

  readonly #internals: ElementInternals;
  #ruleset: Ruleset | null = null;
  #loadIssues: readonly Issue[] = [];
  #loadError = '';
  #loading = false;
  #abort: AbortController | null = null;
  #session: Session | null = null;
  #statuses = new Map<string, ItemStatus>();
  #pages: Page[] = [];
  #pageOf = new Map<string, number>();
  /**
   * Every answer key (fields, then judgment items, section by section), in display order, after
   * '' for the answers as a whole.
   */
  #answerKeys: string[] = [];
  #fieldsBySection = new Map<string, Field[]>();
  #itemsBySection = new Map<string, Item[]>();
  #fields = new Map<string, Field>();
  #items = new Map<string, Item>();
  /** The answers the host set, as given (not an object too, so that core reports it); null for none. */
  #hostAnswers: unknown = null;
  #rawText = new Map<string, string>();
  #touched = new Set<string>();
  #step: Step = 0;
  #errors: FormError[] | null = null;
  #focusSummary = false;
  #focusKey: string | null = null;
  #announcement = '';
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingChanges: ItemChange[] = [];
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** The localStorage key the draft was read from and is saved to. */
  #draftStore: string | null = null;
  /** When the restored draft was saved ('' when it does not say); null when none was restored. */
  #draftRestoredAt: string | null = null;
  /** Something that is not a draft is stored under the key: kept until the inspector answers. */
  #draftUnreadable = false;
  #draftSaveFailed = false;
  /** The inspector asked to discard the restored draft: the notice asks to confirm. */
  #confirmDiscard = false;
  /** The draft was just discarded: a notice, which takes the focus, says so. */
  #draftDiscarded = false;
  /** The last section page shown (the review step comes from it): saved with the draft. */
  #lastPage = 0;
  /** An `invalid` event in this task: the validation anchor taking the focus now means the browser's bubble. */
  #validating = false;
  /** Showing the bubble again at the problem's own control. */
  #reporting = false;
  /** Where the browser's validation bubble points. */
  #anchor: HTMLElement | undefined;
  #formDisabled = false;
  /** The last full report and the answers' revision it is of. */
  #report: { rev: number; report: Report } | null = null;
  #itemResults: { rev: number; items: Map<string, ItemResult | undefined> } = { rev: -1, items: new Map() };
  /** Bumped whenever the answers change: what the snapshot below was taken of. */
  #rev = 0;
  #snapshot: Snapshot | null = null;
  #locale: Locale | null = null;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.addEventListener('invalid', this.#onInvalid);
    this.name = '';
    this.draftKey = '';
    this.noDraft = false;
    this.disabled = false;
  }

  /** The locale, looked up once per update (it walks the ancestors). */
  get #lang(): Locale {
    return (this.#locale ??= elementLocale(this));
  }

  /**
   * The answers, keyed by field id or judgment item id, as typed (invalid ones included).
   * Setting them replaces every answer.
   */
  get answers(): Answers {
    if (this.#session) return this.#session.answers;
    return isPlain(this.#hostAnswers) ? { ...this.#hostAnswers } : {};
  }

  set answers(value: Answers) {
    // null and undefined clear; anything else that is not a plain object goes to core as given,
    // whose report then says so (invalid_answer) instead of the answers vanishing.
    const answers: unknown = value === null || value === undefined ? {} : isPlain(value) ? { ...value } : value;
    this.#hostAnswers = answers;
    this.#rawText.clear();
    if (this.#ruleset) this.#startSession(answers);
    // Answers that could not be read replace nothing: the draft stays.
    if (isPlain(answers)) this.#scheduleDraft();
    this.requestUpdate();
  }

  /** The parsed ruleset in use, once loaded. */
  get loadedRuleset(): Ruleset | null {
    return this.#ruleset;
  }

  /** The issues that made the ruleset unusable, if it was. */
  get rulesetIssues(): readonly Issue[] {
    return this.#loadIssues;
  }

  /** The host `<form>`, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** Why the answers cannot be submitted yet, if they cannot. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The browser's message for the first problem, or the empty string. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.#flushDraft);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.#flushDraft);
    this.#flushDraft();
    this.#abort?.abort();
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#locale = null;
    if (changed.has('ruleset') && this.ruleset !== undefined) {
      this.#abort?.abort();
      this.#loading = false;
      const loaded = loadRuleset(this.ruleset);
      if ('ruleset' in loaded) this.#use(loaded.ruleset);
      else this.#fail(loaded.issues, '');
    } else if (changed.has('src') && this.ruleset === undefined && this.src) {
      void this.#fetch(this.src);
    } else if (changed.has('date') && this.#ruleset) {
      this.#startSession(this.#currentAnswers());
    }
    if (changed.has('draftKey') && this.#ruleset) {
      const key = draftKey(this.#ruleset.id, this.#ruleset.version, this.draftKey);
      if (key !== this.#draftStore) this.#switchDraft(key, changed.get('draftKey') ?? '');
    }
  }

  override render(): TemplateResult {
    const m = messages(this.#lang);
    if (!this.#ruleset) {
      return html`<div part="base" class="base">
        ${
          this.#loading
            ? html`<p role="status">${m.loading}</p>`
            : this.#loadError
              ? html`<p role="alert" class="load-error">${m.loadFailed(this.#loadError)}</p>`
              : this.#loadIssues.length > 0
                ? html`<div role="alert" class="load-error">
                    <p>${m.invalidRuleset}</p>
                    <ul>
                      ${this.#loadIssues
                        .slice(0, 10)
                        .map((i) => html`<li><code>${i.path.join('.')}</code> ${localize(i.message, this.#lang)}</li>`)}
                    </ul>
                  </div>`
                : html`<p>${m.noRuleset}</p>`
        }
      </div>`;
    }
    const locale = this.#lang;
    const rs = this.#ruleset;
    const progress = this.#session!.progress();
    return html`<div part="base" class="base" @focusin=${this.#onFocusIn}>
      <header part="header" class="header">
        <h2 part="title" class="title">${localize(rs.title, locale)}</h2>
        ${rs.description ? html`<p class="description">${localize(rs.description, locale)}</p>` : nothing}
        <div class="progress">
          <label for="progress">${m.progressLabel}</label>
          <progress
            id="progress"
            part="progress"
            max=${Math.max(progress.total, 1)}
            .value=${progress.answered}
          ></progress>
          <span class="progress-text">${m.progress(progress.answered, progress.total)}</span>
        </div>
      </header>
      ${this.#renderDraftNotices(m)} ${this.#renderErrorSummary(m)}
      ${this.#step === 'review' || this.#step === 'done' ? this.#renderReview(m) : this.#renderPage(m)}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="live">
        ${this.#announcement}
      </div>
    </div>`;
  }

  protected override updated(): void {
    this.#updateValidity();
    if (this.#focusSummary) {
      this.#focusSummary = false;
      const summary = this.renderRoot.querySelector<HTMLElement>('.error-summary');
      summary?.focus();
      summary?.scrollIntoView?.({ block: 'start' });
    }
    if (this.#focusKey !== null) {
      const key = this.#focusKey;
      this.#focusKey = null;
      const control = this.#controlOf(key);
      if (control) {
        control.focus();
        control.scrollIntoView?.({ block: 'center' });
      }
    }
  }

  // ——— rendering ———

  #renderDraftNotices(m: Messages): TemplateResult {
    const restoredAt = this.#draftRestoredAt;
    const time = restoredAt ? this.#formatTime(restoredAt) : '';
    return html`${
      this.#draftSaveFailed
        ? html`<div part="notice" class="notice warning" role="alert">${m.draftSaveFailed}</div>`
        : nothing
    }
    ${this.#draftUnreadable ? html`<div part="notice" class="notice" role="status">${m.draftUnreadable}</div>` : nothing}
    ${
      this.#draftDiscarded
        ? html`<div part="notice" class="notice" id="draft-discarded" tabindex="-1">${m.draftDiscarded}</div>`
        : nothing
    }
    ${
      restoredAt !== null
        ? html`<div part="notice" class="notice">
            <span role="status">${time ? m.draftRestored(time) : m.draftRestoredUndated}</span>
            ${
              this.#confirmDiscard
                ? html`<div
                    class="confirm"
                    role="group"
                    aria-labelledby="discard-question"
                    @keydown=${this.#onConfirmKey}
                  >
                    <p id="discard-question" class="confirm-question">
                      ${m.discardQuestion(Object.keys(this.#snap.answers).length)}
                    </p>
                    <button type="button" part="button" class="button danger" @click=${this.#discardDraft}>
                      ${m.discardConfirm}
                    </button>
                    <button
                      type="button"
                      part="button"
                      class="button secondary discard-cancel"
                      @click=${this.#keepDraft}
                    >
                      ${m.discardCancel}
                    </button>
                  </div>`
                : html`<button type="button" part="button" class="button link discard" @click=${this.#askDiscard}>
                    ${m.discardDraft}
                  </button>`
            }
          </div>`
        : nothing
    }`;
  }

  #renderErrorSummary(m: Messages): TemplateResult | typeof nothing {
    const errors = this.#errors;
    if (!errors || errors.length === 0) return nothing;
    return html`<div
      part="summary"
      class="error-summary"
      tabindex="-1"
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" class="error-summary-title">${m.errorSummaryTitle}</h2>
      <ul>
        ${errors.slice(0, ERRORS_SHOWN).map(
          (e) =>
            // The answers as a whole (not an object) have no control to link to.
            html`<li>
              ${
                e.key === ''
                  ? e.text
                  : html`<a href="#${this.#controlId(e.key)}" data-key=${e.key} @click=${this.#onErrorLink}
                      >${e.text}</a
                    >`
              }
            </li>`,
        )}
        ${errors.length > ERRORS_SHOWN ? html`<li>${m.moreErrors(errors.length - ERRORS_SHOWN)}</li>` : nothing}
      </ul>
    </div>`;
  }

  #renderNav(m: Messages, current: number): TemplateResult {
    return html`<nav part="nav" class="nav" aria-label=${m.sections}>
      <ol>
        ${this.#pages.map((page, index) => {
          const { fails, unanswered } = this.#pageCounts(page);
          return html`<li>
            <button
              type="button"
              part="nav-link"
              class="nav-link"
              aria-current=${index === current ? 'step' : 'false'}
              data-page=${index}
              @click=${this.#onNav}
            >
              <span class="nav-title">${localize(page.section.title, this.#lang)}</span>
              <span class="nav-counts ${fails > 0 ? 'has-fails' : ''}">${m.navCounts(fails, unanswered)}</span>
            </button>
          </li>`;
        })}
      </ol>
    </nav>`;
  }

  #renderPage(m: Messages): TemplateResult {
    const index = typeof this.#step === 'number' ? Math.min(this.#step, this.#pages.length - 1) : 0;
    const page = this.#pages[index]!;
    const last = index === this.#pages.length - 1;
    return html`<div class="layout">
      ${this.#pages.length > 1 ? this.#renderNav(m, index) : nothing}
      <div class="page" @input=${this.#onInput} @change=${this.#onChange}>
        ${this.#renderSection(page.section, 3, m)}
        <div class="actions">
          ${
            index > 0
              ? html`<button
                  type="button"
                  part="button"
                  class="button secondary"
                  data-page=${index - 1}
                  @click=${this.#onNav}
                >
                  ${m.previous}
                </button>`
              : nothing
          }
          ${
            last
              ? nothing
              : html`<button
                  type="button"
                  part="button"
                  class="button secondary"
                  data-page=${index + 1}
                  @click=${this.#onNav}
                >
                  ${m.next}
                </button>`
          }
          <button
            type="button"
            part="button"
            class="button review-button"
            ?disabled=${this.#isDisabled}
            @click=${this.review}
          >
            ${m.review}
          </button>
        </div>
      </div>
    </div>`;
  }

  #renderSection(section: Section, level: number, m: Messages): TemplateResult {
    const locale = this.#lang;
    const fields = (this.#fieldsBySection.get(section.id) ?? []).filter((f) => this.#applies(f.id));
    const items = (this.#itemsBySection.get(section.id) ?? []).filter((i) => this.#itemShown(i));
    const children = this.#ruleset!.sections.filter((s) => s.parent === section.id);
    const headingId = `s-${section.id}`;
    const heading =
      level === 3
        ? html`<h3 id=${headingId} class="section-title">${localize(section.title, locale)}</h3>`
        : html`<h4 id=${headingId} class="section-title">${localize(section.title, locale)}</h4>`;
    return html`<section part="section" class="section" aria-labelledby=${headingId}>
      ${heading} ${section.description ? html`<p class="hint">${localize(section.description, locale)}</p>` : nothing}
      ${fields.map((f) => this.#renderField(f, m))} ${items.map((i) => this.#renderItem(i, m))}
      ${children.map((c) => this.#renderSection(c, 4, m))}
    </section>`;
  }

  #renderField(field: Field, m: Messages): TemplateResult {
    const locale = this.#lang;
    const id = this.#controlId(field.id);
    const value = this.#snap.answers[field.id];
    const error = this.#errorOf(field.id);
    const hintId = field.help ? `${id}-hint` : '';
    const errorId = error ? `${id}-error` : '';
    const describedBy = [hintId, errorId].filter(Boolean).join(' ') || nothing;
    const label = html`${localize(field.label, locale)}${
      field.required ? nothing : html` <span class="optional">${m.optional}</span>`
    }${field.type === 'number' && field.unit ? html` <span class="unit-label">(${field.unit})</span>` : nothing}`;
    const hint = field.help ? html`<p id=${hintId} part="hint" class="hint">${localize(field.help, locale)}</p>` : '';
    const errorText = error
      ? html`<p id=${errorId} part="error" class="error"><span class="visually-hidden">!</span>${error}</p>`
      : '';
    const invalid = error ? 'true' : 'false';
    const disabled = this.#isDisabled;
    const group = (legend: unknown, controls: unknown) =>
      html`<fieldset part="field" class="field ${error ? 'has-error' : ''}" aria-describedby=${describedBy}>
        <legend part="label" class="label">${legend}</legend>
        ${hint} ${errorText}
        <div class="options">${controls}</div>
      </fieldset>`;
    const radio = (val: string, text: string, checked: boolean, first: boolean) =>
      html`<label class="option">
        <input
          type="radio"
          id=${first ? id : nothing}
          name=${id}
          data-key=${field.id}
          data-kind=${field.type}
          .value=${val}
          .checked=${live(checked)}
          ?disabled=${disabled}
          aria-invalid=${invalid}
        />
        <span>${text}</span>
      </label>`;

    switch (field.type) {
      case 'boolean':
        return group(
          label,
          html`${radio('true', m.yes, value === true, true)}${radio('false', m.no, value === false, false)}`,
        );
      case 'choice':
        if (field.options.length <= 6) {
          return group(
            label,
            field.options.map((o, i) => radio(o.value, localize(o.label, locale), value === o.value, i === 0)),
          );
        }
        return html`<div part="field" class="field ${error ? 'has-error' : ''}">
          <label part="label" class="label" for=${id}>${label}</label>
          ${hint} ${errorText}
          <select
            part="input"
            id=${id}
            data-key=${field.id}
            data-kind="choice"
            aria-describedby=${describedBy}
            aria-invalid=${invalid}
            ?disabled=${disabled}
            .value=${live(typeof value === 'string' ? value : '')}
          >
            <option value="">${m.choose}</option>
            ${field.options.map(
              (o) =>
                html`<option value=${o.value} ?selected=${value === o.value}>${localize(o.label, locale)}</option>`,
            )}
          </select>
        </div>`;
      case 'codes':
        if (field.options) {
          const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
          return group(
            label,
            field.options.map(
              (o, i) =>
                html`<label class="option code">
                  <input
                    type="checkbox"
                    id=${i === 0 ? id : nothing}
                    data-key=${field.id}
                    data-kind="codes-options"
                    .value=${o.value}
                    .checked=${live(chosen.has(o.value))}
                    ?disabled=${disabled}
                    aria-invalid=${invalid}
                  />
                  <span>${localize(o.label, locale)}</span>
                </label>`,
            ),
          );
        }
        return this.#renderTextInput(field, id, label, hint, errorText, describedBy, invalid, {
          kind: 'codes',
          text: Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '',
          placeholder: m.codesHint,
        });
      case 'number':
        return this.#renderTextInput(field, id, label, hint, errorText, describedBy, invalid, {
          kind: 'number',
          text: value === undefined || value === null ? '' : typeof value === 'object' ? '' : String(value),
          inputmode: field.integer && (field.min ?? 0) >= 0 ? 'numeric' : 'decimal',
          unit: field.unit,
        });
      case 'date':
        return this.#renderTextInput(field, id, label, hint, errorText, describedBy, invalid, {
          kind: 'date',
          type: 'date',
          text: typeof value === 'string' ? value : '',
        });
      case 'text':
        return this.#renderTextInput(field, id, label, hint, errorText, describedBy, invalid, {
          kind: 'text',
          text: typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value),
          maxlength: field.maxLength,
        });
    }
  }

  #renderTextInput(
    field: Field,
    id: string,
    label: unknown,
    hint: unknown,
    errorText: unknown,
    describedBy: string | typeof nothing,
    invalid: string,
    o: {
      kind: string;
      text: string;
      type?: string;
      inputmode?: string;
      unit?: string | undefined;
      placeholder?: string;
      maxlength?: number | undefined;
    },
  ): TemplateResult {
    const text = this.#rawText.get(field.id) ?? o.text;
    return html`<div part="field" class="field ${errorText ? 'has-error' : ''}">
      <label part="label" class="label" for=${id}>${label}</label>
      ${hint} ${errorText}
      <div class="input-wrap">
        <input
          part="input"
          class="input ${o.kind}"
          id=${id}
          type=${o.type ?? 'text'}
          data-key=${field.id}
          data-kind=${o.kind}
          inputmode=${o.inputmode ?? nothing}
          maxlength=${o.maxlength ?? nothing}
          placeholder=${o.placeholder ?? nothing}
          autocomplete="off"
          aria-describedby=${describedBy}
          aria-invalid=${invalid}
          ?disabled=${this.#isDisabled}
          .value=${live(text)}
        />${o.unit ? html`<span class="unit" aria-hidden="true">${o.unit}</span>` : nothing}
      </div>
    </div>`;
  }

  #renderItem(item: Item, m: Messages): TemplateResult {
    const locale = this.#lang;
    const status = this.#statuses.get(item.id) ?? 'incomplete';
    const id = this.#controlId(item.id);
    const title = localize(item.title, locale);
    const badges = html`${item.severity === 'major' ? html`<span class="badge major">${m.major}</span>` : nothing}
    ${item.provenance === 'unverified' ? html`<span class="badge outline">${m.unverified}</span>` : nothing}`;
    const verdict = html`<span part="verdict" class="badge verdict ${status}" id="${id}-verdict"
      >${m.status[status]}</span
    >`;
    const description = item.description ? html`<p class="hint">${localize(item.description, locale)}</p>` : nothing;
    const guidance =
      status === 'fail'
        ? html`<p class="guidance"><strong>${m.guidance}${m.colon}</strong>${localize(item.guidance, locale)}</p>`
        : nothing;
    if (item.judgment) {
      const raw = this.#snap.answers[item.id];
      const verdictValue =
        typeof raw === 'string' ? raw : raw && typeof raw === 'object' ? (raw as { verdict?: unknown }).verdict : '';
      const note = raw && typeof raw === 'object' ? String((raw as { note?: unknown }).note ?? '') : '';
      const error = this.#errorOf(item.id);
      const errorId = `${id}-error`;
      // Judged, yet incomplete: whether the item applies waits for other answers; say which.
      const waiting = status === 'incomplete' && verdictValue ? this.#missingText(item.id, m) : '';
      const waitingId = `${id}-explanation`;
      const disabled = this.#isDisabled;
      return html`<fieldset
        part="item"
        class="item judgment ${status} ${error ? 'has-error' : ''}"
        aria-describedby="${id}-verdict${waiting ? ` ${waitingId}` : ''}${error ? ` ${errorId}` : ''}"
      >
        <legend part="label" class="label">${title}</legend>
        <div class="item-head">${verdict} ${badges}</div>
        ${description}
        ${waiting ? html`<p id=${waitingId} part="explanation" class="explanation">${waiting}</p>` : nothing}
        ${error ? html`<p id=${errorId} part="error" class="error">${error}</p>` : nothing}
        <div class="options verdicts">
          ${VERDICTS.map(
            (v, i) =>
              html`<label class="option">
                <input
                  type="radio"
                  id=${i === 0 ? id : nothing}
                  name=${id}
                  data-key=${item.id}
                  data-kind="verdict"
                  .value=${v}
                  .checked=${live(verdictValue === v)}
                  ?disabled=${disabled}
                />
                <span>${m.verdicts[v]}</span>
              </label>`,
          )}
        </div>
        ${
          verdictValue === 'noncompliant' || note
            ? html`<div class="note">
                <label for="${id}-note">${m.note}</label>
                <textarea
                  id="${id}-note"
                  part="input"
                  data-key=${item.id}
                  data-kind="note"
                  rows="2"
                  ?disabled=${disabled}
                  .value=${live(this.#rawText.get(`${item.id}#note`) ?? note)}
                ></textarea>
              </div>`
            : nothing
        }
        ${guidance}
      </fieldset>`;
    }
    let explanation: unknown = nothing;
    if (status === 'fail') {
      const ex = this.#reportItem(item.id)?.explanation;
      if (ex) explanation = html`<p part="explanation" class="explanation">${localize(ex.text, locale)}</p>`;
    } else if (status === 'incomplete') {
      const missing = this.#missingText(item.id, m);
      if (missing) explanation = html`<p part="explanation" class="explanation">${missing}</p>`;
    }
    return html`<div part="item" class="item computed ${status}" role="group" aria-labelledby="${id}-title">
      <div class="item-head">
        <span class="label" id="${id}-title">${title}</span>
        ${verdict} ${badges}
      </div>
      ${description} ${explanation} ${guidance}
    </div>`;
  }

  #renderReview(m: Messages): TemplateResult {
    const locale = this.#lang;
    const done = this.#step === 'done';
    const report = this.#currentReport();
    return html`<section part="review" class="review" aria-labelledby="review-title">
      <h3 id="review-title" class="section-title" tabindex="-1">${done ? m.submitted : m.reviewTitle}</h3>
      ${done ? nothing : html`<p>${m.reviewIntro}</p>`}
      ${
        done
          ? nothing
          : this.#pages.map(
              (page, index) =>
                html`<h4>${localize(page.section.title, locale)}</h4>
                  <dl class="summary-list">
                    ${page.sections.flatMap((s) => [
                      ...(this.#fieldsBySection.get(s.id) ?? [])
                        .filter((f) => this.#applies(f.id))
                        .map((f) =>
                          this.#reviewRow(m, f.id, localize(f.label, locale), this.#snap.answers[f.id], f, index),
                        ),
                      ...(this.#itemsBySection.get(s.id) ?? [])
                        .filter((i) => i.judgment && this.#itemShown(i))
                        .map((i) =>
                          this.#reviewRow(
                            m,
                            i.id,
                            localize(i.title, locale),
                            this.#verdictText(m, this.#snap.answers[i.id]),
                            undefined,
                            index,
                          ),
                        ),
                    ])}
                  </dl>`,
            )
      }
      <safecheck-report .report=${report} .ruleset=${this.#ruleset} lang=${locale}></safecheck-report>
      ${
        done
          ? nothing
          : html`<div class="actions">
              <button type="button" part="button" class="button secondary" data-page="0" @click=${this.#onNav}>
                ${m.backToForm}
              </button>
              <button
                type="button"
                part="button"
                class="button submit-button"
                ?disabled=${this.#isDisabled}
                @click=${this.#onSubmit}
              >
                ${m.submit}
              </button>
            </div>`
      }
    </section>`;
  }

  #reviewRow(m: Messages, key: string, label: string, value: unknown, field: Field | undefined, page: number) {
    const blank = value === undefined || value === null || value === '';
    return html`<div class="summary-row">
      <dt>${label}</dt>
      <dd>${blank ? m.blank : field ? formatValue(value, this.#lang, field) : String(value)}</dd>
      <dd>
        <button
          type="button"
          part="button"
          class="button link"
          data-page=${page}
          data-key=${key}
          aria-label=${m.changeLabel(label)}
          @click=${this.#onNav}
        >
          ${m.change}
        </button>
      </dd>
    </div>`;
  }

  // ——— handlers ———

  #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const key = target.dataset['key'];
    const kind = target.dataset['kind'];
    if (!key || !kind || !this.#session) return;
    let value: unknown;
    switch (kind) {
      case 'text':
      case 'date':
      case 'choice':
        value = target.value === '' ? null : target.value;
        if (kind === 'text') this.#rawText.set(key, target.value);
        break;
      case 'boolean':
        value = target.value === 'true';
        break;
      case 'number': {
        this.#rawText.set(key, target.value);
        const text = target.value.trim().replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
        const n = Number(text);
        value = text === '' ? null : Number.isFinite(n) ? n : text;
        break;
      }
      case 'codes': {
        this.#rawText.set(key, target.value);
        const codes = target.value.split(CODE_SEPARATORS).filter(Boolean);
        value = codes.length > 0 ? codes : null;
        break;
      }
      case 'codes-options': {
        const boxes = this.renderRoot.querySelectorAll<HTMLInputElement>(
          `input[data-kind="codes-options"][data-key="${CSS.escape(key)}"]`,
        );
        const codes = [...boxes].filter((b) => b.checked).map((b) => b.value);
        value = codes.length > 0 ? codes : null;
        break;
      }
      case 'verdict':
      case 'note': {
        const raw = this.#session.answers[key];
        const current = typeof raw === 'string' ? raw : raw && typeof raw === 'object' ? raw : undefined;
        let verdict =
          typeof current === 'string' ? current : ((current as { verdict?: string } | undefined)?.verdict ?? '');
        let note = current && typeof current === 'object' ? String((current as { note?: unknown }).note ?? '') : '';
        if (kind === 'verdict') verdict = target.value;
        else {
          note = target.value;
          this.#rawText.set(`${key}#note`, note);
        }
        value = verdict ? (note ? { verdict, note } : verdict) : null;
        break;
      }
      default:
        return;
    }
    this.#set(key, value);
  };

  #onChange = (event: Event): void => {
    const key = (event.target as HTMLElement).dataset['key'];
    if (!key) return;
    this.#touched.add(key);
    this.requestUpdate();
  };

  #onNav = (event: Event): void => {
    const button = event.currentTarget as HTMLElement;
    const page = Number(button.dataset['page']);
    const key = button.dataset['key'];
    this.#goTo(page, key ?? null);
  };

  #onErrorLink = (event: Event): void => {
    event.preventDefault();
    const key = (event.currentTarget as HTMLElement).dataset['key']!;
    this.focusAnswer(key);
  };

  #onSubmit = (): void => {
    if (!this.#session) return;
    const errors = this.#collectErrors();
    if (errors.length > 0) {
      this.#errors = errors;
      this.#focusSummary = true;
      this.#step = 0;
      this.requestUpdate();
      return;
    }
    const answers = this.#session.answers;
    const event = new SafecheckSubmitEvent({ answers, report: this.#session.report() });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    clearTimeout(this.#draftTimer);
    this.#removeDraft();
    this.#step = 'done';
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>('#review-title')?.focus();
      this.#internals.form?.requestSubmit();
    });
  };

  /** Discarding wipes every answer: it asks first, with the focus on the safe choice. */
  #askDiscard = (): void => {
    this.#confirmDiscard = true;
    this.#focusAfterUpdate('.discard-cancel');
  };

  #keepDraft = (): void => {
    this.#confirmDiscard = false;
    this.#focusAfterUpdate('.discard');
  };

  #onConfirmKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#keepDraft();
  };

  #onInvalid = (event: Event): void => {
    if (this.#reporting) {
      // The same problem, shown again where it now is: the host was told of it already.
      event.stopImmediatePropagation();
      return;
    }
    // checkValidity() fires invalid too, and must not move the inspector: wait for the focus.
    this.#validating = true;
    setTimeout(() => (this.#validating = false));
  };

  /**
   * The browser focuses the validation anchor to show its bubble (a host form submitted, or
   * reportValidity()): as the form's own review does, every problem goes to the error summary and
   * the first one's section opens with its control focused, where the bubble is shown again.
   */
  #onFocusIn = (event: FocusEvent): void => {
    if (event.target === this.#anchor) this.#showProblems();
  };

  #showProblems(): void {
    if (!this.#validating || !this.#session) return;
    this.#validating = false;
    const errors = this.#collectErrors();
    if (errors.length === 0) return;
    this.#errors = errors;
    const key = errors[0]!.key;
    const page = this.#pageOf.get(key);
    if (page === undefined) {
      // The answers as a whole (not an object): only the summary can say it.
      this.#focusSummary = true;
      this.requestUpdate();
      return;
    }
    const shown = this.#controlOf(key) !== null;
    this.#goTo(page, key);
    if (shown) return;
    void this.updateComplete.then(() => {
      this.#reporting = true;
      try {
        this.#internals.reportValidity();
      } finally {
        this.#reporting = false;
      }
    });
  }

  #discardDraft = (): void => {
    this.#removeDraft();
    this.#hostAnswers = null;
    this.#rawText.clear();
    this.#touched.clear();
    this.#errors = null;
    this.#step = 0;
    this.#lastPage = 0;
    this.#startSession({});
    // The button is gone: the focus goes to the notice that says what happened, not to <body>.
    this.#draftDiscarded = true;
    this.#focusAfterUpdate('#draft-discarded');
  };

  #focusAfterUpdate(selector: string): void {
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  #flushDraft = (): void => {
    if (this.#draftTimer === undefined) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    this.#saveDraft();
  };

  // ——— public methods ———

  /**
   * Goes to the review step, or, when answers are missing or invalid, shows the error summary
   * and moves the focus to it.
   */
  review(): boolean {
    if (!this.#session) return false;
    const errors = this.#collectErrors();
    this.#errors = errors.length > 0 ? errors : null;
    this.requestUpdate();
    if (errors.length > 0) this.#focusSummary = true;
    else {
      if (typeof this.#step === 'number') this.#lastPage = this.#step;
      this.#step = 'review';
      this.#focusAfterUpdate('#review-title');
    }
    return errors.length === 0;
  }

  /** Shows the section holding an answer (a field id or a judgment item id) and focuses its control. */
  focusAnswer(key: string): void {
    const page = this.#pageOf.get(key);
    if (page === undefined) return;
    this.#goTo(page, key);
  }

  /** The report of the current answers, or `null` before the ruleset is loaded. */
  report(): Report | null {
    return this.#session ? this.#session.report() : null;
  }

  /** Whether the answers can be submitted; fires `invalid` when they cannot. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like {@link checkValidity}, and shows the problem to the user. */
  reportValidity(): boolean {
    const valid = this.#internals.reportValidity();
    // No focus moved to the anchor (it had it already): show the problems all the same.
    if (!valid) this.#showProblems();
    return valid;
  }

  /** @internal The host form was reset. */
  formResetCallback(): void {
    this.#removeDraft();
    this.#draftDiscarded = false;
    this.#hostAnswers = null;
    this.#rawText.clear();
    this.#touched.clear();
    this.#errors = null;
    this.#step = 0;
    this.#lastPage = 0;
    if (this.#ruleset) this.#startSession({});
    this.requestUpdate();
  }

  /** @internal The browser restores the form's state (back navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const answers = JSON.parse(state) as unknown;
      if (answers && typeof answers === 'object' && !Array.isArray(answers)) this.answers = answers as Answers;
    } catch {
      // Not ours: ignore.
    }
  }

  /** @internal A disabled ancestor fieldset disables the element. */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  // ——— internals ———

  get #isDisabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  async #fetch(url: string): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#loading = true;
    this.requestUpdate();
    const result = await fetchRuleset(url, abort.signal);
    if (abort.signal.aborted) return;
    this.#loading = false;
    if ('ruleset' in result) this.#use(result.ruleset);
    else if ('issues' in result) this.#fail(result.issues, '');
    else this.#fail([], result.error);
    this.requestUpdate();
  }

  #fail(issues: readonly Issue[], error: string): void {
    this.#flushDraft();
    this.#draftStore = null;
    this.#ruleset = null;
    this.#session = null;
    this.#loadIssues = issues;
    this.#loadError = error;
    this.#internals.setFormValue(null);
    this.#internals.setValidity({ customError: true }, error || issues[0]?.message[this.#lang] || 'invalid');
  }

  #use(ruleset: Ruleset): void {
    const previous = this.#ruleset;
    if (ruleset === previous) return;
    // The same id and version (a host re-render hands over an equal object) is the same
    // checklist: the inspector's answers, section and errors stay.
    const same = previous !== null && previous.id === ruleset.id && previous.version === ruleset.version;
    // Another ruleset: what was just typed is saved under the old one's key before it goes.
    if (!same) this.#flushDraft();
    this.#ruleset = ruleset;
    this.#loadIssues = [];
    this.#loadError = '';
    this.#fields = new Map(ruleset.fields.map((f) => [f.id, f]));
    this.#items = new Map(ruleset.items.map((i) => [i.id, i]));
    this.#fieldsBySection = new Map();
    this.#itemsBySection = new Map();
    for (const f of ruleset.fields) this.#push(this.#fieldsBySection, f.section, f);
    for (const i of ruleset.items) this.#push(this.#itemsBySection, i.section, i);
    const byId = new Map(ruleset.sections.map((s) => [s.id, s]));
    const rootOf = (s: Section): Section => {
      let node = s;
      for (let guard = 0; node.parent && byId.has(node.parent) && guard < 32; guard++) node = byId.get(node.parent)!;
      return node;
    };
    this.#pages = ruleset.sections
      .filter((s) => !s.parent || !byId.has(s.parent))
      .map((root) => ({ section: root, sections: ruleset.sections.filter((s) => rootOf(s) === root) }));
    this.#pageOf = new Map();
    // '' first: the answers as a whole, when the host gave something that is not an object.
    this.#answerKeys = [''];
    this.#pages.forEach((page, index) => {
      for (const s of page.sections) {
        for (const f of this.#fieldsBySection.get(s.id) ?? []) {
          this.#pageOf.set(f.id, index);
          this.#answerKeys.push(f.id);
        }
        for (const i of this.#itemsBySection.get(s.id) ?? []) {
          this.#pageOf.set(i.id, index);
          if (i.judgment) this.#answerKeys.push(i.id);
        }
      }
    });
    if (same && this.#session) {
      this.#startSession(this.#currentAnswers());
      if (typeof this.#step === 'number') this.#step = Math.min(this.#step, this.#pages.length - 1);
      if (this.#errors) this.#errors = this.#errors.filter((e) => this.#collectErrorFor(e.key) !== null);
      return;
    }
    this.#errors = null;
    this.#touched.clear();
    this.#rawText.clear();
    this.#draftStore = draftKey(ruleset.id, ruleset.version, this.draftKey);
    this.#draftRestoredAt = null;
    this.#draftUnreadable = false;
    this.#draftDiscarded = false;
    const draft = this.#hostAnswers === null ? this.#readDraft() : null;
    this.#showPage(this.#pageOfSection(draft?.section));
    this.#startSession(this.#hostAnswers ?? draft?.answers ?? {});
  }

  /** The stored draft, if there is one to restore; notes what the notice says. */
  #readDraft(): Draft | null {
    if (this.noDraft || this.#draftStore === null) return null;
    const draft = readDraft(this.#draftStore);
    this.#draftUnreadable = draft === 'unreadable';
    this.#confirmDiscard = false;
    if (!draft || draft === 'unreadable' || Object.keys(draft.answers).length === 0) return null;
    this.#draftRestoredAt = draft.savedAt;
    return draft;
  }

  /** The page of a section (top-level or not); the first for none or one no longer there. */
  #pageOfSection(id: string | undefined): number {
    return Math.max(0, id === undefined ? -1 : this.#pages.findIndex((p) => p.sections.some((s) => s.id === id)));
  }

  #showPage(page: number): void {
    this.#step = page;
    this.#lastPage = page;
  }

  /**
   * The host changed the draft key: what was typed is saved under the old key, then the new
   * key's draft is read as on load (unless the host gave answers). Answers typed before the host
   * gave any key belong to the case it names: with no draft there, they stay and become its draft.
   */
  #switchDraft(key: string, previous: string): void {
    this.#flushDraft();
    this.#draftStore = key;
    this.#draftRestoredAt = null;
    this.#draftUnreadable = false;
    this.#draftDiscarded = false;
    // Without drafts nothing else holds the answers: they stay.
    if (this.#hostAnswers !== null || this.noDraft) return;
    const draft = this.#readDraft();
    if (draft || previous !== '') {
      this.#showPage(this.#pageOfSection(draft?.section));
      this.#errors = null;
      this.#touched.clear();
      this.#rawText.clear();
      this.#startSession(draft?.answers ?? {});
    } else if (Object.keys(this.#session!.answers).length > 0) this.#scheduleDraft();
  }

  /** The answers a new session starts from: as the host gave them while core still reports them unreadable. */
  #currentAnswers(): unknown {
    return this.#snap.issues.has('') ? this.#hostAnswers : this.#session!.answers;
  }

  #push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  #startSession(answers: unknown): void {
    const rs = this.#ruleset!;
    this.#session = createSession(rs, answers as Answers, this.date ? { date: this.date } : {});
    this.#statuses = new Map(this.#session.statuses());
    this.#report = null;
    this.#rev++;
    this.#internals.setFormValue(JSON.stringify(this.#session.answers));
  }

  #set(key: string, value: unknown): void {
    const session = this.#session!;
    const update = session.set(key, value);
    for (const c of update.changed) this.#statuses.set(c.id, c.to);
    this.#rev++;
    if (this.#errors) this.#errors = this.#errors.filter((e) => this.#collectErrorFor(e.key) !== null);
    const answers = this.#snap.answers;
    this.#internals.setFormValue(JSON.stringify(answers));
    this.#announce(update.changed);
    // The inspector answered: an unreadable draft may now be replaced, as its notice said.
    this.#draftUnreadable = false;
    this.#draftDiscarded = false;
    this.#scheduleDraft();
    this.requestUpdate();
    this.dispatchEvent(
      new SafecheckChangeEvent({ key, answers: { ...answers }, changed: update.changed, outcome: update.outcome }),
    );
  }

  #announce(changes: readonly ItemChange[]): void {
    if (changes.length === 0) return;
    this.#pendingChanges.push(...changes);
    clearTimeout(this.#announceTimer);
    // Wait for a pause in typing, then say what changed once.
    this.#announceTimer = setTimeout(() => {
      const m = messages(this.#lang);
      const last = new Map<string, ItemStatus>();
      for (const c of this.#pendingChanges) last.set(c.id, c.to);
      this.#pendingChanges = [];
      const lines = [...last].filter(([id]) => this.#items.has(id));
      this.#announcement =
        lines.length > 3
          ? m.manyChanged(lines.length)
          : lines
              .map(([id, s]) => m.verdictChanged(localize(this.#items.get(id)!.title, this.#lang), m.status[s]))
              .join(m.clauseSeparator);
      this.requestUpdate();
    }, 400);
  }

  #scheduleDraft(): void {
    if (this.noDraft || !this.#ruleset) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => {
      this.#draftTimer = undefined;
      this.#saveDraft();
    }, 300);
  }

  #saveDraft(): void {
    const key = this.#draftStore;
    if (this.noDraft || !this.#session || key === null || this.#draftUnreadable) return;
    const answers = this.#session.answers;
    let saved = true;
    const page = this.#pages[typeof this.#step === 'number' ? this.#step : this.#lastPage];
    if (Object.keys(answers).length === 0) removeDraft(key);
    else saved = writeDraft(key, { answers, section: page?.section.id });
    // Full or blocked storage: the inspector must know the answers live only in this page.
    if (saved === this.#draftSaveFailed) {
      this.#draftSaveFailed = !saved;
      this.requestUpdate();
    }
  }

  #removeDraft(): void {
    if (this.#draftStore !== null) removeDraft(this.#draftStore);
    this.#draftRestoredAt = null;
    this.#draftUnreadable = false;
    this.#confirmDiscard = false;
  }

  #goTo(page: number, key: string | null): void {
    if (!Number.isInteger(page) || page < 0 || page >= this.#pages.length) return;
    const moved = page !== this.#step;
    this.#showPage(page);
    this.#focusKey = key;
    // The draft keeps the section, so that a reload comes back to it.
    if (moved && this.#session && Object.keys(this.#session.answers).length > 0) this.#scheduleDraft();
    this.requestUpdate();
    if (key === null) {
      void this.updateComplete.then(() => {
        const heading = this.renderRoot.querySelector<HTMLElement>('.page .section-title');
        if (heading) {
          heading.tabIndex = -1;
          heading.focus();
        }
      });
    }
  }

  #itemShown(item: Item): boolean {
    if (this.#statuses.get(item.id) !== 'not_applicable') return true;
    if (!item.judgment) return false;
    // An item the inspector marked "not applicable" stays, so the answer can be changed.
    const raw = this.#snap.answers[item.id];
    const verdict = typeof raw === 'string' ? raw : (raw as { verdict?: unknown } | undefined)?.verdict;
    return verdict === 'not_applicable';
  }

  #pageCounts(page: Page): { fails: number; unanswered: number } {
    let fails = 0;
    let unanswered = 0;
    const { answers, issues: invalid } = this.#snap;
    for (const s of page.sections) {
      for (const f of this.#fieldsBySection.get(s.id) ?? []) {
        if (f.required && this.#applies(f.id) && (!(f.id in answers) || invalid.has(f.id))) unanswered++;
      }
      for (const i of this.#itemsBySection.get(s.id) ?? []) {
        const status = this.#statuses.get(i.id);
        if (status === 'fail') fails++;
        else if (i.judgment && status === 'incomplete' && !(i.id in answers)) unanswered++;
      }
    }
    return { fails, unanswered };
  }

  #collectErrors(): FormError[] {
    const errors: FormError[] = [];
    for (const key of this.#answerKeys) {
      const e = this.#collectErrorFor(key);
      if (e) errors.push(e);
    }
    return errors;
  }

  /** What is wrong with an answer, without words: cheap enough to run for every key on every change. */
  #problemOf(key: string): 'missing' | 'invalid' | null {
    const { answers, issues } = this.#snap;
    if (key === '') return issues.has('') ? 'invalid' : null;
    const field = this.#fields.get(key);
    if (field) {
      if (!this.#applies(key)) return null;
      if (issues.has(key)) return 'invalid';
      return field.required && !(key in answers) ? 'missing' : null;
    }
    if (!this.#items.get(key)?.judgment) return null;
    if (issues.has(key)) return 'invalid';
    return this.#statuses.get(key) === 'incomplete' && !(key in answers) ? 'missing' : null;
  }

  #collectErrorFor(key: string): FormError | null {
    const problem = this.#problemOf(key);
    if (!problem) return null;
    const locale = this.#lang;
    const issue = this.#snap.issues.get(key);
    if (problem === 'invalid' && issue) return { key, text: localize(issue.message, locale), missing: false };
    const m = messages(locale);
    const field = this.#fields.get(key);
    const text = field
      ? m.required(localize(field.label, locale))
      : m.judgmentRequired(localize(this.#items.get(key)!.title, locale));
    return { key, text, missing: true };
  }

  get #snap(): Snapshot {
    if (!this.#snapshot || this.#snapshot.rev !== this.#rev) {
      const session = this.#session!;
      const issues = new Map<string, Issue>();
      // The answers as a whole (path []) are under ''.
      for (const i of session.issues) if (i.severity === 'error') issues.set(i.path.length ? String(i.path[0]) : '', i);
      this.#snapshot = { rev: this.#rev, answers: session.answers, issues, applies: new Map() };
    }
    return this.#snapshot;
  }

  #applies(fieldId: string): boolean {
    const cache = this.#snap.applies;
    let applies = cache.get(fieldId);
    if (applies === undefined) {
      applies = this.#session!.fieldApplies(fieldId);
      cache.set(fieldId, applies);
    }
    return applies;
  }

  /** The message shown under a control: format problems once touched, everything after a review attempt. */
  #errorOf(key: string): string | null {
    const listed = this.#errors?.find((e) => e.key === key);
    if (listed) return listed.text;
    if (!this.#touched.has(key)) return null;
    const issue = this.#snap.issues.get(key);
    return issue ? localize(issue.message, this.#lang) : null;
  }

  #updateValidity(): void {
    if (!this.#session) return;
    let first: string | null = null;
    let missing = false;
    let invalid = false;
    for (const key of this.#answerKeys) {
      const problem = this.#problemOf(key);
      if (!problem) continue;
      first ??= key;
      if (problem === 'missing') missing = true;
      else invalid = true;
      if (missing && invalid) break;
    }
    this.toggleAttribute('data-invalid', first !== null);
    this.#setState('invalid', first !== null);
    this.#setState('review', this.#step === 'review');
    if (first === null) {
      this.#internals.setValidity({});
      return;
    }
    this.#anchor = this.#controlOf(first) ?? this.#pathTo(first) ?? undefined;
    this.#internals.setValidity(
      { valueMissing: missing, customError: invalid },
      this.#collectErrorFor(first)!.text,
      this.#anchor,
    );
  }

  #setState(state: string, on: boolean): void {
    try {
      const states = this.#internals.states as Set<string> | undefined;
      if (!states) return;
      if (on) states.add(state);
      else states.delete(state);
    } catch {
      // Older browsers without custom states.
    }
  }

  #controlId(key: string): string {
    return `c-${key}`;
  }

  /**
   * What is shown that leads to an answer whose control is not: its "change" button on the
   * review step, else its section's button in the navigation. The bubble points there.
   */
  #pathTo(key: string): HTMLElement | null {
    const root = this.renderRoot;
    return (
      root.querySelector<HTMLElement>(`.summary-row button[data-key="${CSS.escape(key)}"]`) ??
      root.querySelector<HTMLElement>(`.nav-link[data-page="${this.#pageOf.get(key) ?? -1}"]`) ??
      root.querySelector<HTMLElement>('.review-button, .submit-button, #review-title')
    );
  }

  #controlOf(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.#controlId(key))}`);
  }

  /** The report of the current answers (computed now if the answers changed since the last). */
  #currentReport(): Report {
    if (this.#report?.rev !== this.#rev) this.#report = { rev: this.#rev, report: this.#session!.report() };
    return this.#report.report;
  }

  /** An item's report entry (with its explanation), from the session: one item, not a report. */
  #reportItem(id: string): ItemResult | undefined {
    if (this.#itemResults.rev !== this.#rev) this.#itemResults = { rev: this.#rev, items: new Map() };
    const cache = this.#itemResults.items;
    if (!cache.has(id)) cache.set(id, this.#session!.item(id));
    return cache.get(id);
  }

  /** What an incomplete item still needs ("尚需填写：…"), its own verdict aside; '' for nothing. */
  #missingText(id: string, m: Messages): string {
    const missing = this.#reportItem(id)?.explanation?.missing.filter((x) => x.field !== id) ?? [];
    if (missing.length === 0) return '';
    return `${m.missingInputs}${m.colon}${missing.map((x) => localize(x.label, this.#lang)).join(m.listSeparator)}`;
  }

  #verdictText(m: Messages, raw: unknown): string {
    const verdict = typeof raw === 'string' ? raw : (raw as { verdict?: string } | undefined)?.verdict;
    const note = raw && typeof raw === 'object' ? (raw as { note?: string }).note : undefined;
    const text = verdict && verdict in m.verdicts ? m.verdicts[verdict as keyof Messages['verdicts']] : '';
    return note ? m.withNote(text, note) : text;
  }

  #formatTime(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    try {
      return new Intl.DateTimeFormat(this.#lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    } catch {
      return iso;
    }
  }
}

/** Whether a value is a plain object (as JSON has them), the only answers core reads. */
function isPlain(value: unknown): value is Answers {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

declare global {
  interface HTMLElementTagNameMap {
    'safecheck-form': SafecheckForm;
  }
}
