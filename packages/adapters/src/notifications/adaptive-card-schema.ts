import { isObject } from '../platforms/option-checks.js';

/**
 * A validator for the Adaptive Card elements the digest uses, written from the published Adaptive Cards schema
 * (schema explorer: AdaptiveCard, TextBlock, Container, FactSet, Fact, ActionSet, Action.OpenUrl; version 1.5).
 * Like the published JSON schema it rejects unknown element types, unknown properties, missing required
 * properties, wrong types and values outside the enumerations (compared case-insensitively, as hosts do).
 * It covers the subset this package emits, not the whole schema: see docs/adr/052-platforms-adaptive-card-validation.md.
 */

/** One problem in a card: where, and what. */
export interface CardIssue {
  readonly path: string;
  readonly message: string;
}

type Rule =
  | { readonly kind: 'string'; readonly enum?: readonly string[]; readonly format?: 'uri' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number' }
  | { readonly kind: 'elements' }
  | { readonly kind: 'actions' }
  | { readonly kind: 'facts' }
  | { readonly kind: 'object' };

const SPACING = ['none', 'small', 'default', 'medium', 'large', 'extraLarge', 'padding'];
const COMMON: Record<string, Rule> = {
  id: { kind: 'string' },
  spacing: { kind: 'string', enum: SPACING },
  separator: { kind: 'boolean' },
  isVisible: { kind: 'boolean' },
  height: { kind: 'string', enum: ['auto', 'stretch'] },
};

const ELEMENTS: Record<
  string,
  { readonly required: readonly string[]; readonly props: Record<string, Rule> }
> = {
  TextBlock: {
    required: ['text'],
    props: {
      ...COMMON,
      text: { kind: 'string' },
      color: { kind: 'string', enum: ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'] },
      fontType: { kind: 'string', enum: ['default', 'monospace'] },
      horizontalAlignment: { kind: 'string', enum: ['left', 'center', 'right'] },
      isSubtle: { kind: 'boolean' },
      maxLines: { kind: 'number' },
      size: { kind: 'string', enum: ['default', 'small', 'medium', 'large', 'extraLarge'] },
      weight: { kind: 'string', enum: ['default', 'lighter', 'bolder'] },
      wrap: { kind: 'boolean' },
      style: { kind: 'string', enum: ['default', 'heading'] },
    },
  },
  Container: {
    required: ['items'],
    props: {
      ...COMMON,
      items: { kind: 'elements' },
      style: { kind: 'string', enum: ['default', 'emphasis', 'good', 'attention', 'warning', 'accent'] },
      bleed: { kind: 'boolean' },
      verticalContentAlignment: { kind: 'string', enum: ['top', 'center', 'bottom'] },
    },
  },
  FactSet: { required: ['facts'], props: { ...COMMON, facts: { kind: 'facts' } } },
  ActionSet: { required: ['actions'], props: { ...COMMON, actions: { kind: 'actions' } } },
};

const ACTIONS: Record<
  string,
  { readonly required: readonly string[]; readonly props: Record<string, Rule> }
> = {
  'Action.OpenUrl': {
    required: ['url'],
    props: {
      url: { kind: 'string', format: 'uri' },
      title: { kind: 'string' },
      iconUrl: { kind: 'string', format: 'uri' },
      id: { kind: 'string' },
      style: { kind: 'string', enum: ['default', 'positive', 'destructive'] },
      tooltip: { kind: 'string' },
      isEnabled: { kind: 'boolean' },
      mode: { kind: 'string', enum: ['primary', 'secondary'] },
    },
  },
};

function checkValue(value: unknown, rule: Rule, path: string, issues: CardIssue[]): void {
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') return void issues.push({ path, message: 'must be a string' });
      if (rule.enum !== undefined && !rule.enum.some((e) => e.toLowerCase() === value.toLowerCase())) {
        issues.push({ path, message: `must be one of ${rule.enum.join(', ')}` });
      }
      if (rule.format === 'uri') {
        try {
          new URL(value);
        } catch {
          issues.push({ path, message: 'must be an absolute URI' });
        }
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') issues.push({ path, message: 'must be a boolean' });
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        issues.push({ path, message: 'must be a number' });
      return;
    case 'object':
      if (!isObject(value)) issues.push({ path, message: 'must be an object' });
      return;
    case 'elements':
      if (!Array.isArray(value)) return void issues.push({ path, message: 'must be an array of elements' });
      for (const [i, v] of value.entries()) checkTyped(v, ELEMENTS, `${path}[${i}]`, issues);
      return;
    case 'actions':
      if (!Array.isArray(value)) return void issues.push({ path, message: 'must be an array of actions' });
      for (const [i, v] of value.entries()) checkTyped(v, ACTIONS, `${path}[${i}]`, issues);
      return;
    case 'facts':
      if (!Array.isArray(value)) return void issues.push({ path, message: 'must be an array of facts' });
      for (const [i, fact] of value.entries()) {
        if (!isObject(fact)) {
          issues.push({ path: `${path}[${i}]`, message: 'must be a Fact object' });
          continue;
        }
        for (const key of Object.keys(fact)) {
          if (key !== 'title' && key !== 'value')
            issues.push({ path: `${path}[${i}].${key}`, message: 'is not a Fact property' });
        }
        for (const key of ['title', 'value']) {
          if (typeof fact[key] !== 'string')
            issues.push({ path: `${path}[${i}].${key}`, message: 'is required and must be a string' });
        }
      }
      return;
  }
}

function checkTyped(
  value: unknown,
  table: Record<string, { readonly required: readonly string[]; readonly props: Record<string, Rule> }>,
  path: string,
  issues: CardIssue[],
): void {
  if (!isObject(value)) return void issues.push({ path, message: 'must be an object' });
  const type = value.type;
  const spec = typeof type === 'string' ? table[type] : undefined;
  if (spec === undefined)
    return void issues.push({ path: `${path}.type`, message: `unknown type ${JSON.stringify(type)}` });
  for (const key of spec.required)
    if (!(key in value)) issues.push({ path: `${path}.${key}`, message: 'is required' });
  for (const [key, v] of Object.entries(value)) {
    if (key === 'type') continue;
    const rule = spec.props[key];
    if (rule === undefined) issues.push({ path: `${path}.${key}`, message: `is not a property of ${type}` });
    else checkValue(v, rule, `${path}.${key}`, issues);
  }
}

/**
 * Validates an Adaptive Card (the `content` of a Teams attachment) and returns every issue (empty when valid).
 *
 * @example
 * ```ts
 * validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] });
 * // [{ path: '$.body[0].text', message: 'is required' }]
 * ```
 */
export function validateAdaptiveCard(card: unknown): CardIssue[] {
  const issues: CardIssue[] = [];
  if (!isObject(card)) return [{ path: '$', message: 'must be an object' }];
  if (card.type !== 'AdaptiveCard') issues.push({ path: '$.type', message: 'must be "AdaptiveCard"' });
  if (typeof card.version !== 'string' || !/^\d+\.\d+$/.test(card.version)) {
    issues.push({ path: '$.version', message: 'is required: a version such as "1.5"' });
  }
  const props: Record<string, Rule> = {
    $schema: { kind: 'string', format: 'uri' },
    version: { kind: 'string' },
    body: { kind: 'elements' },
    actions: { kind: 'actions' },
    lang: { kind: 'string' },
    fallbackText: { kind: 'string' },
    speak: { kind: 'string' },
    minHeight: { kind: 'string' },
    rtl: { kind: 'boolean' },
    msteams: { kind: 'object' },
    verticalContentAlignment: { kind: 'string', enum: ['top', 'center', 'bottom'] },
  };
  for (const [key, value] of Object.entries(card)) {
    if (key === 'type') continue;
    const rule = props[key];
    if (rule === undefined) issues.push({ path: `$.${key}`, message: 'is not a property of AdaptiveCard' });
    else checkValue(value, rule, `$.${key}`, issues);
  }
  return issues;
}
