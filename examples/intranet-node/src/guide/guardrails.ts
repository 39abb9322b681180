// The share guardrails, as docs/guardrails.md shows them: the social master's rules, checked before a share is
// recorded (pass the policy as `sharePolicy` to createSocialShift).
// #region guardrails
import { createGuardrailPolicy } from '@social-shift/core/guardrails';

export const sharePolicy = createGuardrailPolicy({
  blockedWords: ['gratis', 'beste deal'],
  requiredDisclosure: '#medewerker',
  maxSharesPerDay: 3,
  sharingHours: { from: '08:00', to: '20:00', weekdays: [1, 2, 3, 4, 5] },
});
// #endregion guardrails
