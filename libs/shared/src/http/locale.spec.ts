import { preferredLocale } from './locale';

describe('preferredLocale', () => {
  it.each([
    [undefined, 'de'],
    ['', 'de'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['en;q=0.5,de;q=0.9', 'de'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'en'],
    ['fr', 'de'],
    ['*', 'de'],
    ['en;q=0', 'de'],
    ['en;q=abc', 'de'],
  ])('answers %p in %s', (header, locale) => {
    expect(preferredLocale(header)).toBe(locale);
  });
});
