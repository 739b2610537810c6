import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { amounts, money } from './format';
import { CONSOLE_CATALOGUES, CONSOLE_LANGUAGES, ct, label, setConsoleLanguage, type ConsoleKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the console in four languages', () => {
  afterEach(() => setConsoleLanguage('en'));

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
