import type { Person, Post } from '@social-shift/core';
import { anOffer, aPerson, aPost } from '@social-shift/core/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { buildDigest } from '../notifications/digest.js';
import type { SmtpOptions } from '../notifications/smtp-client.js';
import { createBlueskyPublisher } from './bluesky-publisher.js';
import type { PublishInput } from './publisher.js';
import { buildShareLink, type ShareLinkInput } from './share-links.js';
import { type FitTextOptions, fitText } from './text-fit.js';
import { createXPublisher } from './x-publisher.js';

// The SDK's entities hold their optional fields as `string | undefined` (a post without a link has `link:
// undefined`), and a programme's settings come from forms and environment variables that may be missing. The
// adapters' inputs take such a value as left out, so their types say so: under `exactOptionalPropertyTypes` (the
// strict projects this SDK is written for) `{ link: post.link }` compiled against none of them before.

const postWithoutLink: Post = aPost({ link: undefined });
const setting = (name: string): string | undefined => process.env[`SOCIAL_SHIFT_TEST_${name}`];

describe("the adapters' inputs take a post's optional fields as they are", () => {
  it('builds a share link from a post without a link', () => {
    const input = {
      text: postWithoutLink.text,
      url: postWithoutLink.link,
      title: postWithoutLink.title,
      mastodonInstance: setting('MASTODON'),
    };
    expectTypeOf(input).toExtend<ShareLinkInput>();
    expect(buildShareLink('x', input)).toEqual(
      buildShareLink('x', { text: postWithoutLink.text, title: postWithoutLink.title }),
    );
  });

  it('fits and publishes a post without a link as one without the field', async () => {
    const options = { link: postWithoutLink.link, ellipsis: setting('ELLIPSIS') };
    expectTypeOf(options).toExtend<FitTextOptions>();
    expect(fitText('x', postWithoutLink.text, options)).toEqual(fitText('x', postWithoutLink.text));

    const recorded = recordingFetch([
      { status: 201, body: { data: { id: '1', text: postWithoutLink.text } } },
    ]);
    const x = createXPublisher({
      accessToken: 'token',
      fetch: recorded.fetch,
      baseUrl: setting('X_BASE_URL'),
    });
    const input = {
      text: postWithoutLink.text,
      link: postWithoutLink.link,
      language: postWithoutLink.language,
      idempotencyKey: setting('KEY'),
      card: { title: postWithoutLink.title, description: setting('DESCRIPTION') },
    };
    expectTypeOf(input).toExtend<PublishInput>();
    await x.publish(input);
    expect(recorded.requests[0]?.body).toEqual({ text: postWithoutLink.text });
  });

  it('takes a stored Bluesky session that may be missing', () => {
    const stored: { accessJwt: string; refreshJwt: string; did: string; handle: string } | undefined =
      undefined;
    expect(() =>
      createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: 'anne.test',
        appPassword: 'app-password',
        fetch: recordingFetch([]).fetch,
        session: stored,
        onSession: undefined,
      }),
    ).not.toThrow();
  });

  it("builds a digest from an offer and post whose deadlines may be missing, and a person's time zone", () => {
    const person: Person = aPerson();
    const digest = buildDigest({
      publisherName: person.displayName,
      language: person.language,
      frequency: 'daily',
      now: '2026-01-05T09:00:00.000Z',
      timeZone: setting('TIME_ZONE'),
      overviewUrl: setting('OVERVIEW_URL'),
      waiting: [
        {
          offer: anOffer(),
          post: postWithoutLink,
          campaignName: setting('CAMPAIGN'),
          openUrl: setting('URL'),
        },
      ],
    });
    expect(digest?.items).toHaveLength(1);
  });

  it('types SMTP settings read from the environment', () => {
    const user = setting('SMTP_USER');
    const options = {
      host: 'localhost',
      port: 25,
      secure: undefined,
      heloName: setting('HELO'),
      auth: user === undefined ? undefined : { user, pass: 'secret' },
    };
    expectTypeOf(options).toExtend<SmtpOptions>();
  });
});
