// The site's catalogues, without a browser: the Dutch texts use the Dutch names of the site's sections, so no
// English section name shows on a Dutch page (the menu calls the Playground "Speeltuin").
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n';
import { playgroundMessages } from '../src/messages/playground';

/** Every text of a catalogue, nested ones included, with its key. */
function texts(catalogue: object, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : texts(value as object, `${prefix}${key}.`),
  );
}

describe('the Dutch catalogues', () => {
  const dutch = [...texts(messages.nl), ...texts(playgroundMessages.nl)];
  const english = messages.en;
  // Section names that differ between the languages: the English one must not appear in a Dutch text.
  const sections = (['navPlayground', 'navLearn', 'navDocs'] as const).filter(
    (key) => messages.nl[key] !== english[key],
  );

  it.each(sections)('never use the English name of %s', (key) => {
    const leaks = dutch.filter(([, text]) => text.includes(english[key])).map(([name]) => name);
    expect(leaks, `say "${messages.nl[key]}" instead of "${english[key]}"`).toEqual([]);
  });
});

describe('the words of the method', () => {
  const dutch = [...texts(messages.nl), ...texts(playgroundMessages.nl)];

  // The interview the method comes from names the organisation's need the ‘informeringsbehoefte’; "informeerbehoefte"
  // is not its word.
  it('call the organisation’s need the informeringsbehoefte in Dutch, as the method does', () => {
    expect(dutch.filter(([, text]) => /informeerbehoefte/i.test(text)).map(([key]) => key)).toEqual([]);
    expect(messages.nl.overlapOrganisation).toMatch(/^Informeringsbehoefte van de organisatie/);
  });

  it('name in both languages whose need is whose in the summary of the overlap', () => {
    expect(messages.nl.learnOverlapSummary).toContain('informeringsbehoefte van de organisatie');
    expect(messages.nl.learnOverlapSummary).toContain('informatiebehoefte van de doelgroep');
    expect(messages.en.learnOverlapSummary).toContain("the organisation's informing need");
    expect(messages.en.learnOverlapSummary).toContain("the audience's information need");
  });
});

describe('the claims of the Learn pages', () => {
  // docs/metrics.md: earned media value = impressions ÷ 1000 × CPM + clicks × CPC + reactions × reaction value.
  it('describe earned media value as the SDK computes it: impressions, clicks and reactions, priced as advertising', () => {
    expect(messages.en.measureEmv).toMatch(/impressions, clicks and reactions/);
    expect(messages.nl.measureEmv).toMatch(/vertoningen, kliks en reacties/);
  });

  // The Dashboard heads it "Mediawaarde (EMV) (geschat)": the Learn page names that word. "Het dashboard noemt het
  // zo" ("says so" word by word) did not say what the dashboard calls it.
  it.each(['nl', 'en'] as const)('say in %s the word the Dashboard marks earned media value with', (lang) => {
    expect(messages[lang].measureEmv).toContain(`“${playgroundMessages[lang].dashboardEstimated}”`);
  });

  // The SDK's content funnel counts contributions, then the posts made from them (learn-funnel.test.ts): a step can
  // be as large as the one before, and the posts offered can outnumber the contributions accepted.
  it('say which steps of the funnel count contributions and which count posts', () => {
    expect(messages.en.measureFunnelDesc).toContain(
      'The first two steps count contributions, the last three the posts',
    );
    expect(messages.nl.measureFunnelDesc).toContain(
      'De eerste twee stappen tellen bijdragen, de laatste drie de berichten',
    );
  });
});

describe('the Dutch of the catalogues', () => {
  const dutch = [...texts(messages.nl), ...texts(playgroundMessages.nl)];

  // Translated word by word: a "gevolgde link" is a link someone followed (clicked), not one that is tracked; and
  // one plays a programme "in" every role, not "als elke rol".
  it.each([
    [/gevolgde link/i, 'trackinglink'],
    [/als elke rol/i, 'in elke rol'],
  ])('never says %s (say "%s")', (pattern) => {
    expect(dutch.filter(([, text]) => pattern.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('calls a tracked link a trackinglink', () => {
    expect(playgroundMessages.nl.publishTracked).toBe('Trackinglink');
  });
});

describe('who leads each step of the cycle', () => {
  // Step 2 of the method activates ambassadors and focus groups, and a campaign is offered to everyone, to teams or
  // to focus groups (the SDK's campaign audience): the Learn page named no one who forms or uses them.
  it('names the focus groups in activation and in campaigns, in both languages', () => {
    expect(messages.en.cycleLead.activation).toContain('focus groups');
    expect(messages.en.cycleLead.campaigns).toContain('focus groups');
    expect(messages.nl.cycleLead.activation).toContain('focusgroepen');
    expect(messages.nl.cycleLead.campaigns).toContain('focusgroepen');
  });
});

describe('the ambassadors as a reflection of the organisation', () => {
  // The interview: ambassadors "vormen het liefst samen een goede afspiegeling van de organisatie". An "eerlijke
  // afspiegeling" is "fair reflection" translated back word by word.
  it('is a goede afspiegeling in Dutch, as the method says', () => {
    const dutch = [...texts(messages.nl), ...texts(playgroundMessages.nl)];
    expect(dutch.filter(([, text]) => /eerlijke?r? afspiegeling|afspiegeling.*eerlijk/i.test(text))).toEqual(
      [],
    );
    expect(messages.nl.rolesAmbassadors).toContain('een goede afspiegeling van de organisatie');
  });
});

describe('the Dashboard’s leaderboard', () => {
  // Its entries are "name — 580": the heading says what the number is (docs/metrics.md: points per share,
  // contribution, conversation, click).
  it.each(['nl', 'en'] as const)('says in %s that its numbers are points', (lang) => {
    const points = lang === 'nl' ? 'punten' : 'points';
    expect(playgroundMessages[lang].dashboardLeaderboard).toContain(`(${points})`);
  });
});

describe('what measuring adjusts', () => {
  // The interview: "Ten slotte meet je de resultaten en pas je de werkwijze eventueel aan"; the design adds the
  // strategy. The cycle's caption named only the strategy, the measure page both.
  it.each([
    ['nl', 'werkwijze', 'strategie'],
    ['en', 'way of working', 'strategy'],
  ] as const)('is the way of working and the strategy, on every Learn page in %s', (lang, way, strategy) => {
    for (const text of [messages[lang].cycleNeverEnds, messages[lang].measureAdjust]) {
      expect(text).toContain(way);
      expect(text).toContain(strategy);
    }
  });
});

describe('who the ambassadors are', () => {
  // The interview: "De ambassadeurs deel ik op in vier groepen, ieder met hun eigen rol": the master, editors and
  // creators are ambassadors too, not only the publishers the campaign step offers posts to.
  it.each([
    ['nl', 'De methode deelt de ambassadeurs in vier groepen in, elk met een eigen rol'],
    ['en', 'The method divides the ambassadors into four groups, each with its own role'],
  ] as const)('are all four roles, says the roles page in %s', (lang, text) => {
    expect(messages[lang].rolesAmbassadors).toContain(text);
  });
});

describe('the posts the overlap page flags', () => {
  // The Playground's verdict for them is "Push only" / "Alleen zenden": the overlap page calls them by that name, so a
  // reader recognises the flag it promises ("posts that only broadcast" was a third name).
  it.each(['nl', 'en'] as const)('are called what the Playground calls them, in %s', (lang) => {
    const verdict = (playgroundMessages[lang].verdict_push_only.split(':')[0] ?? '').toLowerCase();
    expect(messages[lang].overlapScore.toLowerCase()).toContain(verdict);
  });
});

describe('what the organisation wants to inform for', () => {
  // The interview: to sell a product or service, or to interest people in a job. "om te verkopen of te werven" left
  // open whom to win (customers or staff).
  it.each([
    ['nl', 'een product of dienst te verkopen', 'voor een baan te interesseren'],
    ['en', 'to sell a product or service', 'to interest people in a job'],
  ] as const)('is selling or recruiting, said plainly in %s', (lang, sell, recruit) => {
    expect(messages[lang].overlapOrganisationDesc).toContain(sell);
    expect(messages[lang].overlapOrganisationDesc).toContain(recruit);
  });
});

describe('the conversation the measure page counts', () => {
  // The SDK counts as conversation only the ambassador's own comments (`platform.comment` with `byAmbassador`,
  // docs/glossary.md); a reaction (`platform.reaction`, a like: "Reacties" on the Playground and in the reports) is
  // no conversation. "Who actively reacts and converses" / "Wie actief reageert" promised that likes count.
  it.each([
    ['nl', 'Een reactie (een like) is geen gesprek.'],
    ['en', 'A reaction (a like) is no conversation.'],
  ] as const)('is the ambassadors’ own comments, not their reactions, in %s', (lang, notReactions) => {
    const text = messages[lang].measureConversationDesc;
    expect(text).not.toMatch(/\breacts\b|\breageert\b/i);
    expect(text.toLowerCase()).toContain(playgroundMessages[lang].shareComments.toLowerCase());
    expect(text).toContain(notReactions);
  });
});
