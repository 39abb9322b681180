import { isRecord } from '../model/is-record.js';
import { invalid } from './invalid.js';

/** A `VALIDATION` error about one field of an event (the message also names the event's index in a batch). */
const bad = (path: readonly string[], what: string) =>
  invalid(`Invalid metrics event: ${path.join('.') || '(root)'}: ${what}`, path, what, 'custom');

/** `YYYY-MM-DDTHH:mm:ss.sssZ` with its fields in range; the day is checked against its month in code. */
const STORED = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** A real time in the form the SDK stores (ADR 049): the metrics compare times as strings. */
const isStoredTime = (at: unknown): at is string => {
  if (typeof at !== 'string' || !STORED.test(at)) return false;
  const day = +at.slice(8, 10);
  if (day < 29) return true;
  const month = +at.slice(5, 7);
  const year = +at.slice(0, 4);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  // 31 days in months 1, 3, 5, 7, 8, 10, 12; 30 in the others but February.
  return day <= (month === 2 ? (leap ? 29 : 28) : 30 + ((month + (month >> 3)) & 1));
};

/** Another ISO 8601 UTC form (no seconds, or other fractional digits), brought to the stored form. */
const OTHER_UTC = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** `at` in the stored form, or `undefined` when it is no ISO 8601 UTC timestamp of a real day. */
function storedTime(at: unknown): string | undefined {
  if (isStoredTime(at)) return at;
  const parts = typeof at === 'string' ? OTHER_UTC.exec(at) : null;
  if (parts === null) return undefined;
  const ms = Date.parse(at as string);
  if (Number.isNaN(ms)) return undefined;
  const stored = new Date(ms).toISOString();
  // Date.parse rolls 30 February over into March: the day must be the one written.
  return stored.slice(0, 10) === `${parts[1]}-${parts[2]}-${parts[3]}` ? stored : undefined;
}

/** The list fields the metrics keep, by event type; `!` marks one that must be there. */
const LISTS: Readonly<Record<string, string>> = {
  'post.created': 'pillarIds goalIds contributionIds',
  'contribution.created': 'pillarIds',
  'person.added': 'teamIds',
  'person.updated': 'teamIds',
  'consent.given': '!purposes',
  'platform.summary': '!rows',
};

/**
 * Checks what {@link foldEvent} reads before it changes anything: an object with a string `type` and `entityId`,
 * `at` an ISO 8601 UTC timestamp, a `data` object, and the list fields it keeps as lists. The other data fields are
 * trusted (a `DomainEvent` parsed with its schema, or read by the CLI, has them right). Returns `at` in the stored
 * form (the SDK's own events have it already and cost nothing more); `VALIDATION` naming the field otherwise.
 */
export function checkEvent(event: unknown): string {
  if (!isRecord(event)) throw bad([], 'Give an object with type, at, entityId and data.');
  if (typeof event.type !== 'string') throw bad(['type'], 'Give a string.');
  const at = storedTime(event.at);
  if (at === undefined) throw bad(['at'], 'Give an ISO 8601 UTC timestamp, e.g. 2026-03-01T10:47:00.000Z.');
  if (typeof event.entityId !== 'string') throw bad(['entityId'], 'Give a string.');
  const data = event.data;
  if (!isRecord(data)) throw bad(['data'], 'Give an object.');
  for (const field of Object.hasOwn(LISTS, event.type) ? (LISTS[event.type] as string).split(' ') : []) {
    const name = field.replace('!', '');
    const value = data[name];
    if (!Array.isArray(value) && (value !== undefined || name !== field))
      throw bad(['data', name], `Give ${name} as a list.`);
  }
  if (event.type === 'platform.summary') (data.rows as unknown[]).forEach(checkSummaryRow);
  return at;
}

/** A row of a `platform.summary` (what retention kept of raw platform events), checked as a whole first. */
function checkSummaryRow(row: unknown, i: number): void {
  const path = ['data', 'rows', String(i)];
  if (!isRecord(row)) throw bad(path, 'Give an object.');
  if (typeof row.type !== 'string') throw bad([...path, 'type'], 'Give a string.');
  for (const field of ['at', 'lastAt'])
    if (!isStoredTime(row[field])) throw bad([...path, field], 'Give a timestamp as toISOString writes it.');
  for (const field of ['events', 'count'])
    if (typeof row[field] !== 'number') throw bad([...path, field], 'Give a number.');
}
