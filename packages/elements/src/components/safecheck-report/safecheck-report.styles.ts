import { css } from 'lit';

export const reportStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .header {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
    gap: 0 1em;
  }
  .title {
    margin: 0;
    font-size: 1.35em;
    line-height: 1.3;
  }
  .meta {
    grid-column: 1;
    margin: 0;
    color: var(--_muted);
  }
  .print {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
  h3 {
    margin: 0 0 0.5em;
    font-size: 1.2em;
  }
  h4 {
    margin: 0.75em 0 0.25em;
    font-size: 1.05em;
  }
  .muted {
    color: var(--_muted);
  }
  .load-error {
    padding: 1em;
    border: 3px solid var(--_fail);
  }
  .load-error p,
  .load-error ul {
    margin: 0;
  }
  .outcome {
    margin: 0;
    padding: 0.4em 0.75em;
    border: 4px solid var(--_na);
    border-left-width: 12px;
    font-size: 2.25em;
    font-weight: 700;
    line-height: 1.2;
    letter-spacing: 0.02em;
  }
  .outcome.pass {
    border-color: var(--_pass);
    color: var(--_pass);
  }
  .outcome.fail {
    border-color: var(--_fail);
    color: var(--_fail);
  }
  .outcome.incomplete {
    border-color: var(--_incomplete);
    color: var(--_incomplete);
  }
  .score {
    padding: 0.75em 1em;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .score-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 2em;
  }
  .score-head p {
    margin: 0;
  }
  .score-label {
    color: var(--_muted);
    margin-inline-end: 0.25em;
  }
  .score-value strong {
    font-size: 2em;
    font-variant-numeric: tabular-nums;
  }
  .band {
    display: inline-block;
    padding: 0.1em 0.75em;
    border: 2px solid var(--_text);
    border-radius: 999px;
    background: var(--band);
    color: var(--band-text);
    font-size: 1.25em;
    font-weight: 700;
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }
  .lines {
    width: 100%;
    margin-top: 0.75em;
    border-collapse: collapse;
  }
  .lines caption {
    text-align: start;
    font-weight: 600;
  }
  .lines th,
  .lines td {
    padding: 0.2em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    font-weight: 400;
  }
  .lines .num {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .lines tr.deduct .num:last-child {
    color: var(--_fail);
  }
  .lines tr.bonus .num:last-child {
    color: var(--_pass);
  }
  .overrides ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .override + .override {
    margin-top: 0.5em;
  }
  .override .item-id {
    color: var(--_muted);
    font-size: 0.875em;
    font-family: ui-monospace, monospace;
  }
  .score-sum {
    margin: 0.5em 0 0;
    text-align: end;
  }
  .hazards {
    padding: 0.75em 1em;
    border: 3px solid var(--_fail);
    border-radius: var(--_radius);
  }
  .hazards h3 {
    color: var(--_fail);
  }
  .hazards ul,
  .items {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.75em;
  }
  .item {
    padding: 0.5em 0.75em;
    border-left: 5px solid var(--_na);
    break-inside: avoid;
  }
  .item.fail {
    border-left-color: var(--_fail);
  }
  .item.incomplete {
    border-left-color: var(--_incomplete);
  }
  .item.hazard {
    background: var(--_surface-alt);
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.6em;
  }
  .item-id {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.875em;
    font-family: ui-monospace, monospace;
  }
  .explanation,
  .guidance,
  .basis {
    margin: 0.25em 0 0;
  }
  .basis {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .unverified-note {
    margin: 0;
  }
  .totals dl,
  .record dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8em, 1fr));
    gap: 0.5em 1em;
    margin: 0;
  }
  .record dl {
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
  }
  dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  @media print {
    :host {
      font-size: 10.5pt;
      color: #000;
      background: #fff;
    }
    .print {
      display: none;
    }
    .outcome {
      font-size: 20pt;
    }
    .score,
    .item.hazard {
      background: none;
      border: 1px solid #000;
    }
    /* Sections run on across pages (kept whole, they left pages nearly empty); what stays
       whole is one entry, and a heading with the entry after it. */
    .item,
    .hazards li,
    .override,
    .lines tr,
    dl > div {
      break-inside: avoid-page;
    }
    h3,
    h4,
    .lines caption {
      break-after: avoid-page;
    }
    .badge {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
`;
