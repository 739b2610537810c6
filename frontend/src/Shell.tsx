import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { translator } from './i18n/i18n';
import { LANGUAGES, NATIVE_NAMES, type Language } from './i18n/messages';


/** The shop the page speaks for, as the API gives it. */
export type ShopLook = {
  name: string;
  logoUrl: string | null;
  colour: string;
  email: string | null;
  phone: string | null;
  helpUrl: string | null;
};

/** The page frame: the shop's name and colour, language switch, the content in a main landmark, the shop's contacts. */
export function Shell(props: {
  language: Language;
  onLanguage: (language: Language) => void;
  shop?: ShopLook | null;
  children: ReactNode;
}) {
  const t = translator(props.language);
  const { shop } = props;
  useEffect(() => {
    document.documentElement.lang = props.language;
  }, [props.language]);
  useEffect(() => {
    if (shop) {
      document.title = shop.name;
    }
  }, [shop]);
  const colours = shop
    ? ({ '--brand': shop.colour, '--on-brand': readableOn(shop.colour) } as CSSProperties)
    : undefined;
  const contacts = shop && (shop.email || shop.phone || shop.helpUrl);
  return (
    <>
      <header className="bar" style={colours} data-testid="shop-header">
        <div className="brand-block">
          {shop?.logoUrl && <img className="logo" src={shop.logoUrl} alt="" />}
          <span className="brand">{shop?.name ?? t('app.name')}</span>
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
      {/* A word or an amount longer than the screen is wide (a phone, large text) breaks rather than run off it. */}
      <main className="customer-page">{props.children}</main>
      {shop && contacts && (
        <footer className="shop-contact" data-testid="shop-contact">
          <p>{t('shop.contact', { name: shop.name })}</p>
          <ul>
            {shop.email && (
              <li>
                <a href={`mailto:${shop.email}`}>{shop.email}</a>
              </li>
            )}
            {shop.phone && (
              <li>
                <a href={`tel:${shop.phone.replace(/[^+\d]/g, '')}`}>{shop.phone}</a>
              </li>
            )}
            {shop.helpUrl && (
              <li>
                <a href={shop.helpUrl}>{t('shop.help')}</a>
              </li>
            )}
          </ul>
        </footer>
      )}
    </>
  );
}

/** Black or white, whichever has the higher contrast on the colour (WCAG relative luminance). */
export function readableOn(colour: string): string {
  const channels = [1, 3, 5].map((at) => {
    const value = parseInt(colour.slice(at, at + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  // Contrast with white is 1.05 / (L + 0.05); with black (L + 0.05) / 0.05.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#fff' : '#000';
}
