// Whether someone is the last social master (people.allowedEvents on a person's page, leaving, a master role
// revoked) reads the master role's assignments and those people by id, not every person of the organisation
// (10,000 in a big one: 25 ms a call on SQLite), and answers as before.
import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';
import { recordingStorage } from './query-recorder.test-support.js';

describe('the last master check', () => {
  it('reads no list of people, and still keeps the last master in the programme', async () => {
    const { storage, queried } = recordingStorage();
    const { shift, people } = await createTestProgramme({ storage });
    const master = shift.as(people.master);

    queried.length = 0;
    expect(await master.people.allowedEvents(people.master)).not.toContain('LEAVE');
    expect(await master.people.allowedEvents(people.publisher)).toContain('LEAVE');
    expect(queried).not.toContain('person');
    await expect(master.people.leave(people.master)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(master.people.revokeRole(people.master, { role: 'master' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(queried).not.toContain('person');

    // A second master: the first may go. Once the second has left, the first is the last again.
    await master.people.assignRole(people.editor, { role: 'master' });
    expect(await master.people.allowedEvents(people.master)).toContain('LEAVE');
    await master.people.leave(people.editor);
    expect(await master.people.allowedEvents(people.master)).not.toContain('LEAVE');
    await expect(master.people.leave(people.master)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(queried).not.toContain('person');
  });
});
