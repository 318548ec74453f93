import { css } from 'lit';

export const findingsStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5em 1.5em;
  }
  .title {
    margin: 0;
    font-size: 1.35em;
    line-height: 1.3;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0;
  }
  .summary div {
    display: flex;
    gap: 0.35em;
  }
  .summary dt {
    color: var(--_muted);
  }
  .summary dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .summary .overdue dd {
    color: var(--_fail);
  }
  .as-of {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .filter-label {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    margin-inline-start: auto;
  }
  select,
  input,
  textarea {
    min-height: 44px;
    padding: 0.3em 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  textarea {
    width: 100%;
    min-height: 4.5em;
  }
  input[type='text'] {
    width: min(100%, 24em);
  }
  [aria-invalid='true'] {
    border-color: var(--_fail);
  }
  .empty {
    margin: 0;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .finding {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_border);
    border-radius: var(--_radius);
  }
  .finding.assigned {
    border-left-color: var(--_accent);
  }
  .finding.rectified {
    border-left-color: var(--_incomplete);
  }
  .finding.verified,
  .finding.closed {
    border-left-color: var(--_pass);
  }
  .finding.overdue {
    border-left-color: var(--_fail);
    border-left-width: 10px;
    background: color-mix(in srgb, var(--_fail) 5%, var(--_surface));
  }
  .finding-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35em 0.6em;
  }
  .finding-title {
    margin: 0;
    font-size: 1.1em;
    line-height: 1.35;
    flex: 1 1 16em;
  }
  .badge.status.open {
    background: var(--_na);
  }
  .badge.status.assigned {
    background: var(--_accent);
  }
  .badge.status.rectified {
    background: var(--_incomplete);
  }
  .badge.status.verified,
  .badge.status.closed {
    background: var(--_pass);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em 1.5em;
    margin: 0.5em 0;
  }
  .facts div {
    display: flex;
    gap: 0.35em;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
  }
  .due.late dd {
    color: var(--_fail);
    font-weight: 700;
  }
  .explanation,
  .criterion,
  .rectification,
  .verification-failed {
    margin: 0.35em 0;
  }
  .verification-failed {
    color: var(--_fail);
  }
  .verification-passed,
  .closed-by {
    margin: 0.35em 0;
    color: var(--_pass);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.5em;
  }
  .form {
    display: grid;
    gap: 0.75em;
    margin-top: 0.75em;
    padding: 0.75em 1em;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .form-title {
    margin: 0;
    font-size: 1em;
  }
  .control {
    display: grid;
    gap: 0.2em;
    justify-items: start;
  }
  .control.has-error {
    padding-left: 0.75em;
    border-left: 5px solid var(--_fail);
  }
  .control label {
    font-weight: 600;
  }
  .control .muted {
    font-weight: 400;
  }
  .control textarea {
    justify-self: stretch;
  }
  .hint {
    margin: 0;
  }
  .errors {
    padding: 0.5em 1em;
    border: 4px solid var(--_fail);
    background: var(--_surface);
  }
  .errors-title {
    margin: 0 0 0.25em;
    font-weight: 700;
    color: var(--_fail);
  }
  .errors ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .no-ruleset {
    margin: 0;
    font-weight: 600;
  }
  .form-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  @media print {
    .actions,
    .form,
    .filter-label {
      display: none;
    }
  }
`;
