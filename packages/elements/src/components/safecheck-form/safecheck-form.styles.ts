import { css } from 'lit';

export const formStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .title {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.3;
  }
  .description,
  .hint {
    margin: 0.25em 0;
    color: var(--_muted);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-top: 0.5em;
  }
  progress {
    flex: 1 1 12em;
    height: 0.75em;
    accent-color: var(--_accent);
  }
  .progress-text {
    font-variant-numeric: tabular-nums;
  }
  .notice {
    padding: 0.5em 1em;
    border-left: 5px solid var(--_accent);
    background: var(--_surface-alt);
  }
  .notice + .notice {
    margin-top: 0.5em;
  }
  .notice.warning {
    border-left-color: var(--_fail);
  }
  .notice:focus {
    outline: 3px solid var(--_focus);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .confirm-question {
    flex-basis: 100%;
    margin: 0.5em 0 0;
    font-weight: 600;
  }
  .button.danger {
    border-color: var(--_fail);
    background: var(--_fail);
  }
  .load-error {
    padding: 1em;
    border: 3px solid var(--_fail);
  }
  .error-summary {
    padding: 1em 1.25em;
    border: 5px solid var(--_fail);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }
  .error-summary-title {
    margin: 0 0 0.5em;
    font-size: 1.25em;
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25em;
  }
  /* Each problem's link is a 44 px touch target, as every button is. */
  .error-summary a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--_fail);
    font-weight: 600;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(12em, 16em) 1fr;
    gap: calc(var(--_space) * 1.5);
    align-items: start;
  }
  .nav {
    position: sticky;
    top: 0;
    max-height: 100vh;
    overflow: auto;
  }
  /* After the base .nav rule: in one column a sticky nav would cover the form. */
  @media (max-width: 48em) {
    .layout {
      grid-template-columns: 1fr;
    }
    .nav {
      position: static;
      max-height: none;
    }
  }
  .nav ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  .nav-link {
    display: grid;
    width: 100%;
    min-height: 44px;
    padding: 0.4em 0.75em;
    border: 1px solid var(--_border);
    border-left-width: 5px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .nav-link[aria-current='step'] {
    border-left-color: var(--_accent);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .nav-counts {
    font-size: 0.875em;
    font-weight: 400;
    color: var(--_muted);
  }
  .nav-counts.has-fails {
    color: var(--_fail);
  }
  .section {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .section .section {
    padding-top: 0.5em;
    border-top: 1px solid var(--_border);
  }
  .section-title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  h4.section-title {
    font-size: 1.1em;
  }
  /* No content-visibility: auto on fields or items: Chromium left inputs that Lit reused for the
     next section unrendered, and it clips focus rings and hides off-screen items from screen readers. */
  .field,
  .item {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field.has-error,
  .item.has-error {
    padding-left: 0.75em;
    border-left: 5px solid var(--_fail);
  }
  .label {
    display: block;
    padding: 0;
    font-weight: 600;
  }
  .optional,
  .unit-label {
    font-weight: 400;
    color: var(--_muted);
  }
  .error {
    margin: 0.25em 0;
    color: var(--_fail);
    font-weight: 600;
  }
  .input-wrap {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin-top: 0.25em;
  }
  input.input,
  select,
  textarea {
    min-height: 44px;
    max-width: 100%;
    padding: 0.3em 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input.input.text,
  input.input.codes,
  textarea {
    width: min(100%, 32em);
  }
  input.input.number {
    width: 10em;
  }
  [aria-invalid='true'] {
    border-color: var(--_fail);
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin-top: 0.25em;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    padding-right: 0.5em;
    cursor: pointer;
  }
  .option.code {
    min-width: 4.5em;
  }
  .option input {
    width: 1.4em;
    height: 1.4em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .item {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-left: 5px solid var(--_na);
    border-radius: var(--_radius);
  }
  .item.pass {
    border-left-color: var(--_pass);
  }
  .item.fail {
    border-left-color: var(--_fail);
  }
  .item.incomplete {
    border-left-color: var(--_incomplete);
  }
  .item > legend {
    float: left;
    width: 100%;
  }
  .item > legend + * {
    clear: both;
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .explanation,
  .guidance {
    margin: 0.25em 0 0;
  }
  .explanation {
    color: var(--_text);
  }
  .note {
    display: grid;
    gap: 0.25em;
    margin-top: 0.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-top: var(--_space);
  }
  .review-button,
  .submit-button {
    margin-inline-start: auto;
  }
  .summary-list {
    margin: 0 0 var(--_space);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(10em, 1fr) 2fr auto;
    gap: 0.5em 1em;
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .summary-row dt {
    font-weight: 600;
  }
  .summary-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 36em) {
    .summary-row {
      grid-template-columns: 1fr;
    }
  }
  @media print {
    .nav,
    .actions,
    .notice,
    .progress {
      display: none;
    }
    .layout {
      display: block;
    }
    .item,
    .field {
      break-inside: avoid;
    }
  }
`;
