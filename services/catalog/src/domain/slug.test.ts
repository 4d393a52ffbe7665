import { describe, expect, it } from 'vitest';
import { isSlug, slugify, transliterate, uniqueSlug } from './slug.ts';

describe('slugify', () => {
  it.each([
    ['Красные кроссовки', 'krasnye-krossovki'],
    ['Щётка для обуви', 'shchetka-dlya-obuvi'],
    ['Чай «Зелёный» 100 г', 'chay-zelenyy-100-g'],
    ['Подъезд, объём', 'podezd-obem'],
    ['Юла и ёжик', 'yula-i-ezhik'],
    ['Nike Air Zoom — Red!', 'nike-air-zoom-red'],
    ['Café crème', 'cafe-creme'],
    ['   ', 'item'],
    ['!!!', 'item'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(isSlug(slugify(title))).toBe(true);
  });

  it('caps length without a trailing hyphen', () => {
    const slug = slugify('слово '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('transliterates every Russian letter', () => {
    expect(transliterate('абвгдеёжзийклмнопрстуфхцчшщъыьэюя')).toBe('abvgdeezhziyklmnoprstufkhtschshshchyeyuya');
  });
});

describe('uniqueSlug', () => {
  it('adds the first free numeric suffix', () => {
    expect(uniqueSlug('a', new Set())).toBe('a');
    expect(uniqueSlug('a', new Set(['a']))).toBe('a-2');
    expect(uniqueSlug('a', new Set(['a', 'a-2', 'a-3']))).toBe('a-4');
  });
});
