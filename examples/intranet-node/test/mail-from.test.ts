// The digests come from the organisation's own address (`mailFrom`, MAIL_FROM), not from the example's
// intranet.example, which a real mail server would refuse or file as spam.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createManualClock } from '@social-shift/core';
import { anApprovedPost, aRunningCampaign, TEST_PROGRAMME_START } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { startService } from '../src/service.js';
import { accepting, kiwiBakery, scriptedSmtp, temporaryDirectory } from './kiwi.test-support.js';

describe('the service’s digests', () => {
  it('come from mailFrom, in the .eml file, the Message-ID and the mail sent', async () => {
    const work = temporaryDirectory('social-shift-mail-from-');
    const smtp = await scriptedSmtp(accepting);
    const clock = createManualClock(TEST_PROGRAMME_START);
    const service = await startService({
      databaseFile: join(work, 'programme.db'),
      organisationId: 'org_kiwi',
      linkSecret: 'a-test-secret-of-at-least-32-bytes!!',
      outboxDir: join(work, 'outbox'),
      mailFrom: 'social@kiwi.example',
      smtp: { host: '127.0.0.1', port: smtp.port, startTls: 'never', timeoutMs: 2000 },
      clock,
    });
    try {
      const { world } = await kiwiBakery(service.shift, clock, [
        { displayName: 'Piet', email: 'piet@kiwi.example' },
      ]);
      await aRunningCampaign(world, [await anApprovedPost(world)]);
      expect((await service.runDigest()).sent).toHaveLength(1);
      const [file] = readdirSync(join(work, 'outbox'));
      const eml = readFileSync(join(work, 'outbox', file!), 'utf8');
      expect(eml).toMatch(/^From: social@kiwi\.example\r?$/m);
      expect(eml).toMatch(/^Message-ID: <digest\.[\d-]+\.person_\w+@kiwi\.example>\r?$/m);
      expect(smtp.messages[0]).toContain('From: social@kiwi.example');
    } finally {
      await service.close();
    }
  });
});
