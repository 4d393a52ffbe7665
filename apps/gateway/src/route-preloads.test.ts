import { describe, expect, it } from 'vitest';
import { preloadTags, type RoutePreloads, withPreloads } from './route-preloads.ts';

const preloads: RoutePreloads = {
  '/search': { js: ['/assets/search-page-a1.js', '/assets/Select-b2.js'], css: ['/assets/search-page-c3.css'] },
  '/products/*': { js: ['/assets/product-page-d4.js'], css: [] },
};

describe('route preloads', () => {
  it('names the chunk of an exact page path: scripts as module preloads, styles as early fetches', () => {
    expect(preloadTags(preloads, '/search')).toBe(
      '<link rel="modulepreload" crossorigin href="/assets/search-page-a1.js">' +
        '<link rel="modulepreload" crossorigin href="/assets/Select-b2.js">' +
        '<link rel="preload" as="style" crossorigin href="/assets/search-page-c3.css">',
    );
  });

  it('covers every path below a pattern ending in /*, but not the bare prefix', () => {
    expect(preloadTags(preloads, '/products/red-chair')).toBe('<link rel="modulepreload" crossorigin href="/assets/product-page-d4.js">');
    expect(preloadTags(preloads, '/products/')).toBe('');
    expect(preloadTags(preloads, '/productsx')).toBe('');
  });

  it('names nothing for other pages', () => {
    expect(preloadTags(preloads, '/')).toBe('');
    expect(preloadTags(preloads, '/search/more')).toBe('');
    expect(preloadTags({}, '/search')).toBe('');
  });

  it('keeps only hashed build assets, never markup from the list', () => {
    const hostile: RoutePreloads = { '/search': { js: ['/assets/x.js"><script>alert(1)</script>', 'https://elsewhere/x.js'], css: [] } };
    expect(preloadTags(hostile, '/search')).toBe('');
  });

  it('puts the tags at the end of the head, and leaves the page alone without tags', () => {
    const html = '<html><head><title>Bazar</title></head><body></body></html>';
    expect(withPreloads(html, '<link rel="modulepreload" href="/assets/a.js">')).toBe(
      '<html><head><title>Bazar</title><link rel="modulepreload" href="/assets/a.js"></head><body></body></html>',
    );
    expect(withPreloads(html, '')).toBe(html);
  });
});
