import { languageIn } from '../i18n/i18n';
import type { Language } from '../i18n/messages';
import { da } from './da';
import { de } from './de';
import { en } from './en';
import { pl } from './pl';

// The console speaks the agent's language: English, Danish, German or Polish, picked in the header and remembered on
// this device. Every catalogue has the keys and placeholders of the English one (messages.test.ts checks it).

export type ConsoleKey = keyof typeof en;
export type Catalogue = Record<ConsoleKey, string>;

export const CONSOLE_CATALOGUES: Record<Language, Catalogue> = { en, da, de, pl };
export const CONSOLE_LANGUAGES = ['en', 'da', 'de', 'pl'] as const satisfies readonly Language[];
export { NATIVE_NAMES } from '../i18n/messages';

const REMEMBERED = 'leadline.console.language';

function remembered(): Language {
  try {
    const stored = window.localStorage.getItem(REMEMBERED);
    if (stored && (CONSOLE_LANGUAGES as readonly string[]).includes(stored)) {
      return stored as Language;
    }
  } catch {
    // Storage refused: the browser's language then.
  }
  const browser = navigator.language?.toLowerCase().split('-')[0];
  return (CONSOLE_LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

let language: Language = remembered();

/** The language the console speaks now. */
export function consoleLanguage(): Language {
  return language;
}

/** A language's name in the console's language, for sentences ("what customers read in Danish", "på engelsk"). */
export function languageName(code: Language): string {
  return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
}

/** Switches the console's language and remembers it; the page re-renders from the top after this. */
export function setConsoleLanguage(picked: Language): void {
  language = picked;
  try {
    window.localStorage.setItem(REMEMBERED, picked);
  } catch {
    // Not remembered; the pick still holds in this tab.
  }
}

/**
 * A count's words in the agent's language: `{customers, plural, one {# customer} other {# customers}}` picks the form
 * Intl.PluralRules gives for the number (Polish has one, few and many), `#` the number as the language writes it. A
 * form the catalogue lacks falls back to `other`.
 */
const PLURAL = /\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /([\w=]+)\s*\{([^{}]*)\}/g;

export function plural(text: string, params: Record<string, string | number>, lang: Language = language): string {
  return text.replace(PLURAL, (whole, name: string, forms: string) => {
    if (!(name in params)) {
      return whole;
    }
    const count = Number(params[name]);
    const byCategory = new Map([...forms.matchAll(FORM)].map((form) => [form[1], form[2]]));
    const form =
      byCategory.get(`=${count}`) ??
      byCategory.get(new Intl.PluralRules(lang).select(count)) ??
      byCategory.get('other') ??
      '';
    return form.replace(/#/g, new Intl.NumberFormat(lang).format(count));
  });
}

export function ct(key: ConsoleKey, params: Record<string, string | number> = {}): string {
  return (
    plural(CONSOLE_CATALOGUES[language][key], params)
      .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
      // A value that ends a sentence of its own (a Danish date: "fre. 22. jan.") before the text's full stop.
      .replace(DOUBLED_FULL_STOP, '.')
  );
}

const DOUBLED_FULL_STOP = /(?<!\.)\.\.(?!\.)/g;

/** The console's word for a value from the API (a status, a source), if it has one. */
export function wordFor(
  prefix: string,
  value: string,
  params: Record<string, string | number> = {},
): string | undefined {
  const key = `${prefix}${value}` as ConsoleKey;
  return key in en ? ct(key, params) : undefined;
}

/** Words that begin a line or a heading, their first letter a capital (the words themselves are for mid-sentence). */
export function atStart(words: string): string {
  return words.charAt(0).toLocaleUpperCase(consoleLanguage()) + words.slice(1);
}

/** Words written to stand alone (a table cell's "Authorised, not charged"), within a sentence: no capital first. */
export function midSentence(words: string): string {
  return words.charAt(0).toLocaleLowerCase(consoleLanguage()) + words.slice(1);
}

/** A word for a value from the API (a status, a source), or the value itself where the console has none. */
export function label(prefix: string, value: string, params: Record<string, string | number> = {}): string {
  return wordFor(prefix, value, params) ?? value.toLowerCase().replace(/_/g, ' ');
}

/** Who chose a delivery, in words ("chosen by the customer"): a role (customer, shop, policy) or an agent by name. */
export function actor(by: string): string {
  const key = `by${by}` as ConsoleKey;
  return ['customer', 'shop', 'policy'].includes(by) && key in en ? ct(key) : ct('chosenByAgent', { name: by });
}

/** The name of the language a customer reads (a code such as "de"), in the agent's: "German", "tysk". */
export function customerLanguage(locale: string): string {
  return languageIn(locale, language);
}

/** A delay reason as the agent's language reads it, else in English, else its code. */
export function reasonText(reason: { code: string; texts: readonly { language: string; text: string }[] }): string {
  return (
    reason.texts.find((text) => text.language === language)?.text ??
    reason.texts.find((text) => text.language === 'en')?.text ??
    reason.code
  );
}
