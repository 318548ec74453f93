import { LitElement } from 'lit';
import type { Locale } from '@safecheck/core';
import { elementLocale } from './messages.js';

/**
 * What every safecheck element shares: it speaks the language of its `lang` (or an ancestor's),
 * zh-CN by default, and renders again when its own `lang` changes.
 */
export class SafecheckElement extends LitElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The language the element speaks: `zh-CN` or `en`, from `lang` here or on an ancestor. */
  get locale(): Locale {
    return elementLocale(this);
  }
}
