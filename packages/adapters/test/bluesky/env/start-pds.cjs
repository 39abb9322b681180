// Starts a real Bluesky PDS (and PLC directory) from @atproto/dev-env, offline, with one account, and prints one
// JSON line { pdsUrl, handle, password, did } on stdout. Runs until stdin closes or it gets SIGTERM.
// Used by the Bluesky publisher's integration test (packages/adapters/test/bluesky/bluesky-publisher.test.ts).
const { TestNetworkNoAppView } = require('@atproto/dev-env');
const jose = require('jose');

async function main() {
  const network = await TestNetworkNoAppView.create({});
  const pdsUrl = network.pds.url;
  const handle = 'publisher.test';
  const password = 'publisher-password-1';
  const response = await fetch(`${pdsUrl}/xrpc/com.atproto.server.createAccount`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, email: 'publisher@example.test', password }),
  });
  if (!response.ok) throw new Error(`createAccount failed: ${response.status} ${await response.text()}`);
  const { did, refreshJwt } = await response.json();
  // An access token exactly like the PDS issues (HS256, typ at+jwt, same audience and scope), but expired an
  // hour ago: the PDS answers it with 400 ExpiredToken, so the publisher's refresh is tested for real.
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  const expiredAccessJwt = await new jose.SignJWT({ scope: 'com.atproto.access' })
    .setProtectedHeader({ typ: 'at+jwt', alg: 'HS256' })
    .setAudience(network.pds.ctx.cfg.service.did)
    .setSubject(did)
    .setIssuedAt(hourAgo - 60)
    .setExpirationTime(hourAgo)
    .sign(network.pds.jwtSecretKey());
  process.stdout.write(
    `${JSON.stringify({ pdsUrl, handle, password, did, refreshJwt, expiredAccessJwt })}\n`,
  );
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await network.close().catch(() => {});
    process.exit(0);
  };
  process.stdin.on('end', close);
  process.stdin.on('close', close);
  process.stdin.resume();
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? String(error)}\n`);
  process.exit(1);
});
