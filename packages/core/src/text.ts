/** The languages every user-facing text is written in. zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** The default language of reports and forms. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in every supported language. */
export type LocalizedText = { readonly [L in Locale]: string };

/**
 * Picks the text for a language, falling back to zh-CN.
 *
 * @example localize({ 'zh-CN': '装载', en: 'Load' }, 'en') // 'Load'
 */
export function localize(text: LocalizedText, locale: Locale = DEFAULT_LOCALE): string {
  return text[locale] || text[DEFAULT_LOCALE];
}

/** Builds a {@link LocalizedText} by calling `render` once per locale. */
export function perLocale(render: (locale: Locale) => string): LocalizedText {
  return { 'zh-CN': render('zh-CN'), en: render('en') };
}

/** @internal Sentences in both languages joined into one, with each language's separator. */
export function joinTexts(parts: readonly LocalizedText[]): LocalizedText {
  return perLocale((l) => parts.map((t) => t[l]).join(l === 'zh-CN' ? '；' : '; '));
}
