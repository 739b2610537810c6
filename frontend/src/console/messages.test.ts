import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { amounts, money } from './format';
import {
  CONSOLE_CATALOGUES,
  CONSOLE_LANGUAGES,
  ct,
  label,
  languageName,
  plural,
  setConsoleLanguage,
  type ConsoleKey,
} from './messages';

// A value a message takes, as a plain `{name}` or as a count whose words follow it (`{name, plural, ...}`).
const PLURAL = /\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*\})+)\s*\}/g;
const placeholders = (text: string) =>
  [...new Set([...text.replace(PLURAL, '{$1}').matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
const pluralForms = (text: string) =>
  [...text.matchAll(PLURAL)].map((match) => [...match[2].matchAll(/([\w=]+)\s*\{/g)].map((form) => form[1]));

describe('the console in four languages', () => {
  afterEach(() => setConsoleLanguage('en'));

  it('never writes two full stops in a row where a value ends a sentence of its own', () => {
    for (const language of CONSOLE_LANGUAGES) {
      setConsoleLanguage(language);
      for (const key of Object.keys(en) as ConsoleKey[]) {
        const values = Object.fromEntries(placeholders(en[key]).map((name) => [name, 'fre. 22. jan.']));
        expect(ct(key, values), `${language} ${key}`).not.toMatch(/(?<!\.)\.\.(?!\.)/);
      }
    }
    setConsoleLanguage('da');
    expect(ct('eventETA_MOVED', { name: 'Sofa', from: 'ons. 13. jan.', to: 'fre. 22. jan.', reason: 'x' })).toBe(
      'Sofa: seneste dag flyttet fra ons. 13. jan. til fre. 22. jan. Årsag: x',
    );
  });

  it("names a language in the console's own words inside a sentence", () => {
    const reads = (language: (typeof CONSOLE_LANGUAGES)[number], of: (typeof CONSOLE_LANGUAGES)[number]) => {
      setConsoleLanguage(language);
      return ct('reasonIn', { language: languageName(of) });
    };
    expect(reads('en', 'da')).toBe('What customers read in Danish');
    expect(reads('da', 'en')).toBe('Hvad kunderne læser på engelsk');
    expect(reads('de', 'pl')).toBe('Was Kunden auf Polnisch lesen');
  });

  it('fills every placeholder and leaves no braces of its syntax in what the agent reads', () => {
    for (const language of CONSOLE_LANGUAGES) {
      setConsoleLanguage(language);
      for (const key of Object.keys(en) as ConsoleKey[]) {
        const values = Object.fromEntries(placeholders(en[key]).map((name) => [name, 2]));
        expect(ct(key, values), `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('has every English key in every language, none empty, with the same placeholders', () => {
    const keys = Object.keys(en).sort();
    for (const language of CONSOLE_LANGUAGES) {
      const catalogue = CONSOLE_CATALOGUES[language];
      expect(Object.keys(catalogue).sort(), language).toEqual(keys);
      for (const key of keys as ConsoleKey[]) {
        expect(catalogue[key].trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(catalogue[key]), `${language} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('gives every count the forms its language needs (Polish: one, few, many)', () => {
    for (const language of CONSOLE_LANGUAGES) {
      const needed = ['one', 'other', ...(language === 'pl' ? ['few', 'many'] : [])];
      for (const [key, text] of Object.entries(CONSOLE_CATALOGUES[language])) {
        for (const forms of pluralForms(text)) {
          expect(forms, `${language} ${key}`).toEqual(expect.arrayContaining(needed));
        }
      }
    }
  });

  it('writes 1, 2, 5 and 22 customers as each language counts them', () => {
    const told = (language: (typeof CONSOLE_LANGUAGES)[number]) => {
      setConsoleLanguage(language);
      return [1, 2, 5, 22].map((customers) => ct('reverseConfirm', { customers }));
    };
    expect(told('en')).toEqual([
      'Take back the receipt and tell 1 customer',
      'Take back the receipt and tell 2 customers',
      'Take back the receipt and tell 5 customers',
      'Take back the receipt and tell 22 customers',
    ]);
    expect(told('da')).toEqual([
      'Tilbagefør modtagelsen og giv 1 kunde besked',
      'Tilbagefør modtagelsen og giv 2 kunder besked',
      'Tilbagefør modtagelsen og giv 5 kunder besked',
      'Tilbagefør modtagelsen og giv 22 kunder besked',
    ]);
    expect(told('de')).toEqual([
      'Wareneingang zurücknehmen und 1 Kunden benachrichtigen',
      'Wareneingang zurücknehmen und 2 Kunden benachrichtigen',
      'Wareneingang zurücknehmen und 5 Kunden benachrichtigen',
      'Wareneingang zurücknehmen und 22 Kunden benachrichtigen',
    ]);
    expect(told('pl')).toEqual([
      'Cofnij przyjęcie i powiadom 1 klienta',
      'Cofnij przyjęcie i powiadom 2 klientów',
      'Cofnij przyjęcie i powiadom 5 klientów',
      'Cofnij przyjęcie i powiadom 22 klientów',
    ]);
  });

  it('picks Polish one, few and many forms for lines: 1 pozycja, 2 pozycje, 5 pozycji, 22 pozycje', () => {
    const lines = '{count, plural, one {# pozycja} few {# pozycje} many {# pozycji} other {# pozycji}}';
    expect([1, 2, 5, 12, 22, 25].map((count) => plural(lines, { count }, 'pl'))).toEqual([
      '1 pozycja',
      '2 pozycje',
      '5 pozycji',
      '12 pozycji',
      '22 pozycje',
      '25 pozycji',
    ]);
    expect(plural('{count, plural, one {# line} other {# lines}}', { count: 1000 }, 'en')).toBe('1,000 lines');
    setConsoleLanguage('pl');
    expect(ct('receiveReady', { lines: 3, count: 3, orders: 'A, B, C' })).toBe(
      '3 pozycje w 3 zamówieniach będą gotowe, od najstarszego zamówienia: A, B, C.',
    );
    expect(ct('receiveReady', { lines: 1, count: 1, orders: 'A' })).toBe(
      '1 pozycja w 1 zamówieniu będzie gotowa, od najstarszego zamówienia: A.',
    );
  });

  it('says the same thing in the language picked', () => {
    setConsoleLanguage('da');
    expect(ct('signedInAs', { name: 'agent' })).toBe('Logget ind som agent');
    setConsoleLanguage('de');
    expect(label('status', 'AWAITING_SUPPLIER')).toBe('Wartet auf Lieferanten');
    setConsoleLanguage('pl');
    expect(label('status', 'READY')).toBe('Gotowe do wysyłki');
  });

  it('writes money per language and currency, and mixed currencies as separate amounts', () => {
    setConsoleLanguage('en');
    expect(money('1499.00', 'DKK')).toMatch(/^DKK\s1,499\.00$/);
    setConsoleLanguage('da');
    expect(money('1499.00', 'DKK')).toMatch(/^1\.499,00\s?kr\.$/);
    setConsoleLanguage('de');
    expect(
      amounts([
        { amount: '10.50', currency: 'EUR' },
        { amount: '200.00', currency: 'PLN' },
      ]),
    ).toMatch(/^10,50\s€ · 200,00\sPLN$/);
  });

  it('names a value it has no words for in plain lower case rather than as a code', () => {
    expect(label('status', 'SOMETHING_NEW')).toBe('something new');
  });
});
