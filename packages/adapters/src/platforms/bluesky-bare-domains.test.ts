import { describe, expect, it } from 'vitest';
import { blueskyFacets } from './bluesky-facets.js';
import { fitText } from './text-fit.js';

// Bluesky's composer (`RichText.detectFacets` of @atproto/api) links a domain written without https:// too, as
// https://<domain>: a post published through the API without that facet shows `acme.nl` as plain text. The expected
// facets are what detectFacets 0.13 gives for the same text.
const link = (byteStart: number, byteEnd: number, uri: string) => ({
  index: { byteStart, byteEnd },
  features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
});
const links = (text: string) =>
  blueskyFacets(text).filter((f) => f.features[0]?.$type === 'app.bsky.richtext.facet#link');

describe('blueskyFacets and a domain without https://', () => {
  it('links it as the composer does, with byte offsets after Dutch diacritics and emoji', () => {
    expect(links('Kijk op werkenbij.example.nl voor vacatures')).toEqual([
      link(8, 28, 'https://werkenbij.example.nl'),
    ]);
    // "Één keer: " is 12 bytes; the closing full stop is left out.
    expect(links('Één keer: acme.nl/vacatures.')).toEqual([link(12, 29, 'https://acme.nl/vacatures')]);
    // 🇳🇱 is 8 bytes, é and ü 2 each.
    expect(links('🇳🇱 acme.com/é?x=ü')).toEqual([link(9, 25, 'https://acme.com/é?x=ü')]);
    expect(links('Zie example.com/jobs!')).toEqual([link(4, 20, 'https://example.com/jobs')]);
    expect(links('(acme.nl)')).toEqual([link(1, 8, 'https://acme.nl')]);
    expect(links('o.a. bij acme.nl, d.w.z. nu')).toEqual([link(9, 16, 'https://acme.nl')]);
    expect(links('Lees https://acme.nl en acme.org')).toEqual([
      link(5, 20, 'https://acme.nl'),
      link(24, 32, 'https://acme.org'),
    ]);
  });

  it('keeps a # in such a link out of the tags', () => {
    expect(blueskyFacets('acme.nl/jobs#vacature #werk')).toEqual([
      link(0, 21, 'https://acme.nl/jobs#vacature'),
      {
        index: { byteStart: 22, byteEnd: 27 },
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'werk' }],
      },
    ]);
  });

  it('links nothing where the composer links nothing', () => {
    for (const text of [
      'Mail anne@acme.nl', // an e-mail address
      'Zie werken-bij.nl nu', // a hyphen in the domain
      'Ga naar www.Acme.NL!', // an upper-case top-level domain
      'nr.12 en v1.2.3 en e.g. test',
      'zie:acme.nl', // not after white space or (
      'x@acme.nl',
    ]) {
      expect(links(text), text).toEqual([]);
    }
  });

  it('links no file name or framework: two letters that are no country code are no top-level domain', () => {
    // The composer checks the root zone's list: `js` and `ts` are not in it, so a vacancy for a Node.js developer
    // must not link https://Node.js.
    for (const text of [
      'Wij zoeken een Node.js developer',
      'Ervaring met Vue.js en Next.js?',
      'Pas vite.config.ts aan',
    ]) {
      expect(links(text), text).toEqual([]);
    }
    expect(links('Kijk op acme.eu of acme.io')).toEqual([
      link(8, 15, 'https://acme.eu'),
      link(19, 26, 'https://acme.io'),
    ]);
  });
});

describe("fitText('bluesky') and a domain without https://", () => {
  it('never cuts inside it, and keeps the ellipsis off it', () => {
    // 300 graphemes: the cut would fall inside or right after werkenbij.acme.nl.
    for (let pad = 270; pad <= 300; pad++) {
      const text = `${'a '.repeat(pad / 2)}${pad % 2 === 0 ? '' : 'b'} werkenbij.acme.nl/vacatures ${'c'.repeat(40)}`;
      const fitted = fitText('bluesky', text);
      const facets = links(fitted.text);
      for (const facet of facets) {
        expect(facet.features[0]).toEqual({
          $type: 'app.bsky.richtext.facet#link',
          uri: 'https://werkenbij.acme.nl/vacatures',
        });
      }
      expect(fitted.text).not.toMatch(
        /werkenbij\.acme\.nl\/vacatures…|werkenbij\.acme\.[^n]|werkenbij\.acme…/,
      );
    }
  });
});
