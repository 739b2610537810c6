import { describe, expect, it } from 'vitest';
import { formatDay, formatItems, formatWindow, pickLanguage, rememberedLanguage, rememberLanguage, translator } from './i18n';
import { CATALOGUES, LANGUAGES } from './messages';

describe('the translation catalogue', () => {
  it('has every English key in every language, none left empty', () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(CATALOGUES[language]).sort()).toEqual(keys);
      for (const key of keys) {
        expect(CATALOGUES[language][key as keyof typeof CATALOGUES.en].trim()).not.toBe('');
      }
    }
  });

  it('fills placeholders', () => {
    expect(translator('de')('tracking.order', { number: 'DEMO-1002' })).toBe('Bestellung DEMO-1002');
  });

  it('never writes two full stops in a row, whatever a placeholder ends with', () => {
    // Every text with every placeholder filled by something that ends a sentence: a Danish date, a reason.
    const endsASentence = { ...Object.fromEntries(PLACEHOLDERS.map((name) => [name, 'tors. 31. dec.'])) };
    for (const language of LANGUAGES) {
      const t = translator(language);
      for (const key of Object.keys(CATALOGUES.en) as Array<keyof typeof CATALOGUES.en>) {
        expect(t(key, endsASentence), `${language} ${key}`).not.toMatch(/(?<!\.)\.\.(?!\.)/);
      }
    }
    expect(translator('da')('event.ETA_MOVED', { name: 'Sofa', to: 'tors. 7. jan.', from: 'tors. 31. dec.', reason: 'x' })).toBe(
      'Sofa forventes nu senest tors. 7. jan. i stedet for tors. 31. dec. Årsag: x',
    );
  });

  it('never calls a dropshipped item backordered', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      expect(t('source.DROPSHIP')).not.toEqual(t('source.BACKORDER'));
    }
    expect(translator('en')('source.DROPSHIP').toLowerCase()).not.toContain('backorder');
  });
});

const PLACEHOLDERS = [
  ...new Set(Object.values(CATALOGUES.en).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))),
];

describe('choosing the language', () => {
  it('remembers the language the reader picked, for the next visit', () => {
    window.localStorage.clear();
    expect(rememberedLanguage()).toBeNull();
    rememberLanguage('pl');
    expect(rememberedLanguage()).toBe('pl');
    window.localStorage.clear();
  });

  it('takes the first supported tag, regions ignored', () => {
    expect(pickLanguage(null, 'fr-FR', 'da-DK')).toBe('da');
    expect(pickLanguage('pl')).toBe('pl');
  });

  it('falls back to English', () => {
    expect(pickLanguage('sv', undefined)).toBe('en');
  });
});

describe('dates', () => {
  it('writes the year of a day more than half a year from today, as the customer’s page says a promise of last year', () => {
    // Today is Monday 7 December 2026 in the page tests.
    expect(formatDay('2025-12-12', 'pl')).toBe('pt., 12 gru 2025');
    expect(formatDay('2025-12-12', 'en')).toBe('Fri, 12 Dec 2025');
    expect(formatDay('2026-12-12', 'en')).toBe('Sat 12 Dec');
  });

  it('shows a calendar day on that day whatever the reader’s time zone', () => {
    expect(formatDay('2026-12-24', 'en')).toContain('24');
    expect(formatDay('2026-12-24', 'de')).toContain('24');
  });

  it('writes a window in the reader’s language', () => {
    expect(formatWindow('2026-12-17', '2026-12-21', 'en')).toMatch(/17.*21.*Dec/);
    expect(formatWindow('2026-12-17', '2026-12-21', 'de')).toMatch(/17.*21.*Dez/);
    expect(formatWindow('2026-12-17', '2026-12-21', 'pl')).toMatch(/17.*21.*gru/);
  });

  it('writes a window across the new year in the same style as any other, its dash too, without years', () => {
    // English sets the dash between thin spaces, Danish and Polish close up to it, as in a window within one year.
    expect(formatWindow('2026-12-30', '2027-01-06', 'en')).toBe('Wed 30 Dec\u2009–\u2009Wed 6 Jan');
    expect(formatWindow('2026-12-17', '2026-12-21', 'en')).toContain('\u2009–\u2009');
    expect(formatWindow('2026-12-30', '2027-01-06', 'da')).toBe(`${formatDay('2026-12-30', 'da')}–${formatDay('2027-01-06', 'da')}`);
    expect(formatWindow('2026-12-17', '2026-12-21', 'da')).toMatch(/\.–\w/);
  });

  it('writes a one-day window as one day', () => {
    expect(formatWindow('2026-12-17', '2026-12-17', 'da')).toBe(formatDay('2026-12-17', 'da'));
  });
});

describe('lists of items', () => {
  it('joins names as the reader’s language does', () => {
    expect(formatItems(['Oslo sofa', 'Rhein lamp', 'Vase'], 'en')).toBe('Oslo sofa, Rhein lamp and Vase');
    expect(formatItems(['Oslo sofa', 'Vase'], 'da')).toBe('Oslo sofa og Vase');
    expect(formatItems(['Oslo sofa', 'Vase'], 'de')).toBe('Oslo sofa und Vase');
    expect(formatItems(['Oslo sofa', 'Vase'], 'pl')).toBe('Oslo sofa i Vase');
    expect(formatItems(['Oslo sofa'], 'en')).toBe('Oslo sofa');
  });

  it('keeps a name with a comma of its own one item, by separating the names with semicolons', () => {
    expect(formatItems(['Vase', 'Linen cushion cover, 2 pcs', 'Oslo sofa'], 'en')).toBe(
      'Vase; Linen cushion cover, 2 pcs and Oslo sofa',
    );
    expect(formatItems(['Vase', 'Linen cushion cover, 2 pcs', 'Oslo sofa'], 'de')).toBe(
      'Vase; Linen cushion cover, 2 pcs und Oslo sofa',
    );
    // Two names are joined by the word alone: nothing to mistake.
    expect(formatItems(['Linen cushion cover, 2 pcs', 'Oslo sofa'], 'en')).toBe('Linen cushion cover, 2 pcs and Oslo sofa');
  });
});
