import type { Language } from '../i18n/messages';
import { CONSOLE_LANGUAGES, NATIVE_NAMES } from './messages';

/** A choice of the languages customers read, each named in itself ("Dansk", "Polski"), under a label. */
export function CustomerLanguageSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Language;
  onChange: (language: Language) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value as Language)}>
        {CONSOLE_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
