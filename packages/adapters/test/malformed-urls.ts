/**
 * URLs without `//` and a host right after the scheme, which `new URL` repairs into a working address (`https:///jobs`
 * becomes https://jobs/) but which no platform links as written. A template with an empty host
 * (`https://${host}/jobs`) makes such a url.
 */
export const malformedUrls: readonly string[] = [
  'https:///jobs',
  'https:example.org/jobs',
  'https:/example.org/jobs',
  'https:\\\\example.org/jobs',
  'https:/\\example.org/jobs',
  'http:////example.org/jobs',
];
