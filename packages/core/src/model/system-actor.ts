// A module of its own, without zod, so that `./privacy` (which names it) does not load the model's schemas.

/** The actor id used for what the SDK does by itself (expiry, dormancy, scheduled starts). */
export const SYSTEM_ACTOR = 'system';
