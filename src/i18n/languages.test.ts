import { describe, expect, it } from 'vitest';
import { customerLanguage, languageFromAcceptLanguage, languageOfLocale } from './languages.js';

describe('languages', () => {
  it('reads the language of a locale, defaulting to English for one Rebook does not speak', () => {
    expect(languageOfLocale('es-ES')).toBe('es');
    expect(languageOfLocale('de-DE')).toBe('de');
    expect(languageOfLocale('fr')).toBe('fr');
    expect(languageOfLocale('en-US')).toBe('en');
    expect(languageOfLocale('pt-BR')).toBe('en');
  });

  it("gives the customer's own language first, else the business's", () => {
    expect(customerLanguage('fr', 'en-US')).toBe('fr');
    expect(customerLanguage(null, 'de-DE')).toBe('de');
    expect(customerLanguage(undefined, 'en-GB')).toBe('en');
  });

  it('picks the highest-weighted language of Accept-Language that Rebook speaks', () => {
    expect(languageFromAcceptLanguage('es-ES,es;q=0.9,en;q=0.8')).toBe('es');
    expect(languageFromAcceptLanguage('pt-BR, fr;q=0.5, de;q=0.7')).toBe('de');
    expect(languageFromAcceptLanguage('en;q=0.1, fr')).toBe('fr');
    expect(languageFromAcceptLanguage('fr;q=0, de;q=0.2')).toBe('de');
    expect(languageFromAcceptLanguage('pt-BR, *;q=0.1')).toBeNull();
    expect(languageFromAcceptLanguage(undefined)).toBeNull();
  });
});
