import { useEffect, type ReactNode } from 'react';
import { translator } from './i18n/i18n';
import { LANGUAGES, type Language } from './i18n/messages';

const NATIVE_NAMES: Record<Language, string> = { en: 'English', da: 'Dansk', de: 'Deutsch', pl: 'Polski' };

/** The page frame: name, language switch, and the content in a main landmark. */
export function Shell(props: { language: Language; onLanguage: (language: Language) => void; children: ReactNode }) {
  const t = translator(props.language);
  useEffect(() => {
    document.documentElement.lang = props.language;
  }, [props.language]);
  return (
    <>
      <header className="bar">
        <div>
          <span className="brand">{t('app.name')}</span>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <label className="language">
          <span>{t('language.label')}</span>
          <select value={props.language} onChange={(event) => props.onLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {NATIVE_NAMES[language]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>{props.children}</main>
    </>
  );
}
