import type { Digest } from './digest.js';

/** A digest whose user text tries every escape: HTML, Slack and Markdown control characters, a javascript: link. */
export function hostileDigest(): Digest {
  return {
    language: 'nl',
    frequency: 'weekly',
    subject: 'Deze week: 2 berichten <b>wachten</b>',
    greeting: 'Hoi <script>alert(1)</script> & "Anne",',
    intro: 'Er staan 2 berichten klaar. <@U123> [klik](https://evil.example)',
    items: [
      {
        offerId: 'offer_1',
        title: '<img src=x onerror=alert(1)> *vet* _schuin_',
        excerpt: 'Tekst met <a href="https://evil.example">link</a> & \'quotes\'',
        campaignName: 'Werken <bij> Acme',
        isNew: true,
        deadline: 'Deel vóór 28 november',
        openUrl: 'https://intranet.example/offers/1?a=1&b="2"',
      },
      {
        offerId: 'offer_2',
        title: 'Tweede',
        excerpt: '- lijst\n1. genummerd',
        campaignName: undefined,
        isNew: false,
        deadline: undefined,
        openUrl: 'javascript:alert(document.cookie)',
      },
    ],
    openLabel: 'Bekijk en deel',
    overviewLabel: 'Alle berichten',
    overviewUrl: 'https://intranet.example/offers',
    footer: 'Je krijgt dit elke week.',
  };
}
