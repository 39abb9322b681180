import { describe, expect, expectTypeOf, it } from 'vitest';
import { reportJsonSchema } from './report-json.js';

describe('the JSON Schema of the JSON report', () => {
  // It was typed `Record<string, unknown>`: its own example, `reportJsonSchema().properties.version`, did not compile
  // (`properties` was unknown), and a tool that reads the schema had to cast every level.
  it('is typed as a JSON Schema, so a tool can read its properties without casts', () => {
    const schema = reportJsonSchema();
    expectTypeOf(schema.required).toEqualTypeOf<string[] | undefined>();
    const version = schema.properties?.version;
    expect(version).toEqual({ type: 'number', const: 1 });
    expectTypeOf(version).not.toBeUnknown();
    expect(schema.$id).toBe('https://social-shift.dev/schema/report.json');
  });
});
