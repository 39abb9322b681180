import type { DomainEvent, EntityType } from '@social-shift/core';
import { DomainEventSchema, ENTITY_TYPES, entitySchemas } from '@social-shift/core';
import type { PublishedSchemaName } from '@social-shift/core/docs';
import { generateJsonSchemas } from '@social-shift/core/docs';
import fc from 'fast-check';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  examples?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const MAX_ITEMS = 3;
const MAX_TEXT = 24;
/** Letters from several scripts, digits and the punctuation patterns allow: for `\p{…}` patterns. */
const UNICODE_ALPHABET = [...'abcxyzéßøçñ漢字ك0129_-'];

const noNul = (s: string) => !s.includes('\u0000');

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? MAX_TEXT, MAX_TEXT));
  const fits = (s: string) =>
    s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
  // A string the schema can only describe (a time zone): its examples are the values it is known to accept.
  const examples = schema.examples?.filter((e): e is string => typeof e === 'string' && fits(e)) ?? [];
  if (examples.length > 0) return fc.constantFrom(...examples);
  if (schema.format === 'date-time') {
    return fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  }
  if (schema.format === 'email') {
    return fc
      .tuple(
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        fc.constantFrom('example.org', 'voorbeeld.nl', 'zorg-noord.eu'),
      )
      .map(([local, domain]) => `${local}@${domain}`);
  }
  if (schema.format === 'uri') return fc.webUrl({ validSchemes: ['https', 'http'] }).filter(fits);
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, 'u');
    if (/\\p\{/.test(schema.pattern)) {
      return fc
        .array(fc.constantFrom(...UNICODE_ALPHABET), { minLength: Math.max(1, min), maxLength: max })
        .map((chars) => chars.join(''))
        .filter((s) => pattern.test(s) && fits(s));
    }
    return fc.stringMatching(pattern).filter((s) => fits(s) && noNul(s));
  }
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter((s) => fits(s) && noNul(s));
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e9);
  const hi =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e9);
  if (integer) {
    return fc.integer({
      min: Math.max(lo, Number.MIN_SAFE_INTEGER),
      max: Math.min(hi, Number.MAX_SAFE_INTEGER),
    });
  }
  return fc
    .double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true })
    .map((n) => (Object.is(n, -0) ? 0 : n));
}

/**
 * A fast-check arbitrary of values that match a JSON Schema (the subset zod's `toJSONSchema` writes for the
 * SDK's models): types, enums, formats (date-time, email, uri), patterns, bounds, arrays, objects with optional
 * properties and records. Strings are short and drawn from many scripts; lists hold at most three items.
 *
 * @example
 * ```ts
 * fc.sample(arbitraryFromJsonSchema({ type: 'string', minLength: 1 }), 3);
 * ```
 */
export function arbitraryFromJsonSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(arbitraryFromJsonSchema));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? arbitraryFromJsonSchema(schema.items) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    case 'object': {
      if (schema.properties) {
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, property] of Object.entries(schema.properties))
          model[key] = arbitraryFromJsonSchema(property);
        return fc.record(model, { requiredKeys: (schema.required ?? []) as never[] });
      }
      const values =
        typeof schema.additionalProperties === 'object'
          ? arbitraryFromJsonSchema(schema.additionalProperties)
          : fc.jsonValue();
      const keys = schema.propertyNames
        ? (arbitraryFromJsonSchema(schema.propertyNames) as fc.Arbitrary<string>)
        : fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/);
      return fc.dictionary(keys, values, { maxKeys: MAX_ITEMS });
    }
    default:
      return fc.jsonValue().filter((value) => !JSON.stringify(value).includes('\\u0000'));
  }
}

const schemaCache = new Map<string, fc.Arbitrary<unknown>>();
let jsonSchemas: Record<PublishedSchemaName, Record<string, unknown>> | undefined;

function modelArbitrary(
  name: PublishedSchemaName,
  schema: { safeParse(value: unknown): { success: boolean } },
): fc.Arbitrary<unknown> {
  let arbitrary = schemaCache.get(name);
  if (!arbitrary) {
    jsonSchemas ??= generateJsonSchemas();
    const jsonSchema = jsonSchemas[name] as JsonSchema;
    arbitrary = arbitraryFromJsonSchema(jsonSchema).filter((value) => schema.safeParse(value).success);
    schemaCache.set(name, arbitrary);
  }
  return arbitrary;
}

/**
 * Valid records of one entity type, in the given organisation: generated from the entity's zod schema and
 * checked by it.
 *
 * @example
 * ```ts
 * fc.sample(entityArbitrary('post', 'org_acme'), 1)[0].organisationId; // 'org_acme'
 * ```
 */
export function entityArbitrary(
  type: EntityType,
  organisationId: string,
): fc.Arbitrary<Record<string, unknown>> {
  return modelArbitrary(type.replace('_', '-') as PublishedSchemaName, entitySchemas[type]).map((value) => ({
    ...(value as Record<string, unknown>),
    organisationId,
  }));
}

/**
 * Valid domain events of one organisation (any type; the payload is any JSON object), without `seq`.
 *
 * @example
 * ```ts
 * fc.sample(domainEventArbitrary('org_acme'), 1);
 * ```
 */
export function domainEventArbitrary(organisationId: string): fc.Arbitrary<DomainEvent> {
  return modelArbitrary('domain-event', DomainEventSchema).map((value) => {
    const { seq: _seq, ...event } = value as DomainEvent;
    return { ...event, organisationId };
  });
}

/**
 * Every entity type, for looping over the models.
 *
 * @example
 * ```ts
 * for (const type of MODEL_TYPES) fc.sample(entityArbitrary(type, 'org_a'), 1);
 * ```
 */
export const MODEL_TYPES: readonly EntityType[] = ENTITY_TYPES;
