import { describe, expect, it } from 'vitest';
import { isLinkPreview } from './link-preview.js';

/** User-Agent headers of link-preview fetchers and crawlers, as they send them. */
const PREVIEWS = [
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'Twitterbot/1.0',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Facebot',
  'meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
  'WhatsApp/2.23.20.0 A',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Slack-ImgProxy (+https://api.slack.com/robots)',
  'TelegramBot (like TwitterBot)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.social/) Bot',
  'Mastodon/4.3.0 (http.rb/5.2.0; +https://mastodon.social/) Bot',
  'Mastodon/4.4.1 (http.rb/5.2.0; +https://social.example/)',
  'Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)',
  'Pleroma 2.6.2; https://pleroma.example <admin@pleroma.example>',
  'Akkoma 3.13.2; https://akkoma.example <admin@akkoma.example>',
  'Misskey/2024.11.0 (https://misskey.example)',
  'gotosocial/0.17.3 (+https://gts.example)',
  'Lemmy/0.19.5; +https://lemmy.example',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko; Google-PageRenderer; +https://developers.google.com/chat) Chrome/120.0 Safari/537.36',
  'TeamsBot',
  'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
  'Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)',
  'Googlebot-Image/1.0',
  'AdsBot-Google (+http://www.google.com/adsbot.html)',
  'Mozilla/5.0 (compatible; Google-InspectionTool/1.0;)',
  'Mozilla/5.0 (compatible; Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots)',
  'meta-externalfetcher/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
  'Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)',
  'Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)',
  'Iframely/1.3.1 (+https://iframely.com/docs/about)',
  // XING, one of the SDK's platforms, and Pinterest's older fetcher; Matrix servers (Element), VK, Bitrix24 and
  // Quora drawing cards for links posted there.
  'XING-contenttabreceiver/2.0',
  'Pinterest/0.2 (+https://www.pinterest.com/bot.html)',
  'Synapse (bot; +https://github.com/matrix-org/synapse)',
  'vkShare; +http://vk.com/dev/Share',
  'Bitrix link preview',
  'Quora Link Preview/1.0 (http://www.quora.com)',
];

/** People: desktop and mobile browsers, and the in-app browsers of the platforms themselves. */
const PEOPLE = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/21F90 [FBAN/FBIOS;FBAV/470.0.0.39.98;FBBV/621000000]',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0 Mobile Safari/537.36 Instagram 357.0.0.25.101 Android',
  'Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; Mastodon for Android) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
];

describe('isLinkPreview', () => {
  it.each(PREVIEWS)('takes %s for a link-preview fetcher or crawler', (userAgent) => {
    expect(isLinkPreview(userAgent)).toBe(true);
  });

  it.each(PEOPLE)('takes %s for a person, in-app browsers of the platforms included', (userAgent) => {
    expect(isLinkPreview(userAgent)).toBe(false);
  });

  it('counts a request without a User-Agent as a person: nothing says it is a preview', () => {
    for (const missing of [undefined, null, '']) expect(isLinkPreview(missing)).toBe(false);
  });
});
