import { describe, expect, it } from 'vitest';
import { workflows } from '../workflows/workflows.js';
import { actionDescriptions } from './action-descriptions.js';

describe('the descriptions of the actions (docs/roles.md)', () => {
  it('describe an edit action without the events other actions govern', () => {
    // Overriding `posts.update` alone must not look like it grants submitting: SUBMIT is `posts.submit`'s.
    for (const id of ['post', 'contribution'] as const) {
      const { events } = workflows[id].config;
      const update = 'action' in events.UPDATE.sender ? events.UPDATE.sender.action : '';
      const submit = 'action' in events.SUBMIT.sender ? events.SUBMIT.sender.action : '';
      expect(submit).not.toBe(update);
      expect(actionDescriptions[update as keyof typeof actionDescriptions], update).not.toMatch(/submit/i);
    }
  });
});
