import { CATALOGUES, LANGUAGES, type Language, type MessageKey } from './messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The first of the given language tags that Leadline speaks, else English. */
export function pickLanguage(...tags: Array<string | null | undefined>): Language {
  for (const tag of tags) {
    const language = tag?.toLowerCase().split(/[-_]/)[0];
    if (language && (LANGUAGES as readonly string[]).includes(language)) {
      return language as Language;
    }
  }
  return 'en';
}

const REMEMBERED = 'leadline.language';

/** The language the reader last picked on this device, if any. */
export function rememberedLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(REMEMBERED);
    return stored && (LANGUAGES as readonly string[]).includes(stored) ? (stored as Language) : null;
  } catch {
    return null; // storage refused (private mode, blocked): the language is then the page's own again
  }
}

/** Keeps the reader's pick of language for their next visit and reload. */
export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(REMEMBERED, language);
  } catch {
    // Not remembered; the pick still holds on this page.
  }
}

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, params = {}) =>
    catalogue[key]
      .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
      // A value that ends with a full stop ("31. dec.", a reason's last sentence) before the text's own.
      .replace(DOUBLED_FULL_STOP, '.');
}

const DOUBLED_FULL_STOP = /(?<!\.)\.\.(?!\.)/g;

// ETA dates are calendar days (no time, no zone): format them as such, in UTC, so that no
// reader's time zone can move a day.
function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

// The regional convention each language is read with (day before month in English too: the shops are European).
const LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK', de: 'de-DE', pl: 'pl-PL' };

const DAY: Intl.DateTimeFormatOptions = { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' };
const DAY_IN_YEAR: Intl.DateTimeFormatOptions = { ...DAY, year: 'numeric' };
const LONG_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const MOMENT: Intl.DateTimeFormatOptions = { ...LONG_DAY, hour: '2-digit', minute: '2-digit' };

// Making an Intl format costs far more than using one, and a page uses a few formats many times: each is made once.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function madeOnce<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format as T;
}

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return madeOnce(`${language} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(LOCALES[language], options));
}

function listFormat(language: Language): Intl.ListFormat {
  return madeOnce(`${language} list`, () => new Intl.ListFormat(LOCALES[language]));
}

function moneyFormat(language: Language, currency: string): Intl.NumberFormat {
  return madeOnce(
    `${language} money ${currency}`,
    () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency }),
  );
}

/** A calendar day in the reader's language, e.g. "Thu 17 Dec" or "Do., 17. Dez.". */
export function formatDay(isoDate: string, language: Language): string {
  // A day more than half a year from today says its year: "Fri, 12 Dec 2025", promised a year ago, does not read as
  // a December to come, nor "Wed, 1 Jan 2020" as the coming January.
  const away = Math.abs(calendarDay(isoDate).getTime() - Date.now());
  return dateFormat(language, away > HALF_A_YEAR ? DAY_IN_YEAR : DAY).format(calendarDay(isoDate));
}

const HALF_A_YEAR = 183 * 24 * 60 * 60 * 1000;

/**
 * An ETA window in the reader's language, e.g. "Thu 17 – Mon 21 Dec", its days written as {@link formatDay} writes
 * them: across a new year too (where Intl's range would add years and commas), "Wed 30 Dec – Wed 6 Jan".
 */
export function formatWindow(earliest: string, latest: string, language: Language): string {
  const format = dateFormat(language, DAY);
  if (earliest === latest) {
    return format.format(calendarDay(earliest));
  }
  if (earliest.slice(0, 4) !== latest.slice(0, 4)) {
    return `${format.format(calendarDay(earliest))}${rangeSeparator(format)}${format.format(calendarDay(latest))}`;
  }
  return format.formatRange(calendarDay(earliest), calendarDay(latest));
}

/**
 * Items' names as one list in the reader's language: "Oslo sofa, Rhein lamp and Vase". When a name has a comma of its
 * own ("Linen cushion cover, 2 pcs"), the commas between names become semicolons, as in "Vase; Linen cushion cover,
 * 2 pcs and Oslo sofa", so that it still reads as one item.
 */
export function formatItems(names: readonly string[], language: Language): string {
  const commaInAName = names.some((name) => name.includes(','));
  return listFormat(language)
    .formatToParts(names)
    .map((part) => (commaInAName && part.type === 'literal' ? part.value.replace(',', ';') : part.value))
    .join('');
}

/** The dash between a range's two days as the language writes it: " – " with thin spaces in English, "–" in Danish. */
function rangeSeparator(format: Intl.DateTimeFormat): string {
  const parts = format.formatRangeToParts(calendarDay('2026-01-01'), calendarDay('2026-02-01'));
  return parts.find((part) => part.type === 'literal' && part.source === 'shared')?.value ?? ' – ';
}

/** An instant in the reader's language and time zone, e.g. "21 Nov 2026". */
export function formatInstant(iso: string, language: Language): string {
  return dateFormat(language, LONG_DAY).format(new Date(iso));
}

/** An instant with its time of day, in the reader's language and time zone, e.g. "21 November 2026 at 09:14". */
export function formatMoment(iso: string, language: Language): string {
  return dateFormat(language, MOMENT).format(new Date(iso));
}

/** An amount (a decimal string from the API) in the order's currency, e.g. "DKK 8,995.00" or "8.995,00 kr.". */
export function formatMoney(amount: string, currency: string, language: Language): string {
  return moneyFormat(language, currency).format(Number(amount));
}

/** A language's name as a reader of another writes it ("Polish" to an English reader), from the browser's own list. */
export function languageIn(locale: string, reader: Language): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(locale) ?? locale;
  } catch {
    // Not a language code the browser knows: as the shop gave it.
    return locale;
  }
}
