import { localize, type Issue, type Locale } from '@safecheck/core';
import { html, nothing, type TemplateResult } from 'lit';

const SHOWN = 10;

/** The first issues as list items (path, then message), and a line saying how many more there are. */
export function issueItems(issues: readonly Issue[], locale: Locale, more: (n: number) => string): TemplateResult {
  return html`${issues
    .slice(0, SHOWN)
    .map(
      (i) =>
        html`<li data-code=${i.code}>
          ${i.path.length > 0 ? html`<code>${i.path.join('.')}</code>` : nothing} ${localize(i.message, locale)}
        </li>`,
    )}
  ${issues.length > SHOWN ? html`<li>${more(issues.length - SHOWN)}</li>` : nothing}`;
}
