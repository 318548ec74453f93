import { css } from 'lit';

/**
 * The design tokens both elements read. Every colour meets WCAG 2.1 AA contrast (4.5:1) on the
 * surface colour; hosts override them with `--safecheck-*` custom properties.
 */
export const tokens = css`
  :host {
    --_accent: var(--safecheck-color-accent, #1d4ed8);
    --_accent-text: var(--safecheck-color-accent-text, #ffffff);
    --_text: var(--safecheck-color-text, #1f2328);
    --_muted: var(--safecheck-color-muted, #505a5f);
    --_surface: var(--safecheck-color-surface, #ffffff);
    --_surface-alt: var(--safecheck-color-surface-alt, #f3f4f6);
    --_border: var(--safecheck-color-border, #6b7280);
    --_pass: var(--safecheck-color-pass, #00703c);
    --_fail: var(--safecheck-color-fail, #b10e1e);
    --_incomplete: var(--safecheck-color-incomplete, #7a4d00);
    --_na: var(--safecheck-color-not-applicable, #505a5f);
    --_focus: var(--safecheck-color-focus, #ffbf47);
    --_radius: var(--safecheck-radius, 4px);
    --_space: var(--safecheck-space, 1rem);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(
      --safecheck-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    font-size: var(--safecheck-font-size, 1rem);
    line-height: 1.6;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_text);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
    color: #fff;
    background: var(--_na);
  }
  .badge.pass {
    background: var(--_pass);
  }
  .badge.fail {
    background: var(--_fail);
  }
  .badge.incomplete {
    background: var(--_incomplete);
  }
  .badge.outline {
    color: var(--_text);
    background: transparent;
    border: 1px solid currentColor;
    font-weight: 400;
  }
  .badge.major {
    color: var(--_fail);
    background: transparent;
    border: 1px solid currentColor;
  }
  .button {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.4em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  .button.link {
    /* A 44px touch target (as .button) that takes no more room in its line than the text: the
       negative margins give back what min-height adds. */
    min-width: 44px;
    justify-content: center;
    margin-block: min(0px, calc((1lh - 44px) / 2));
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    font-weight: 400;
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
