// A tiny DOM builder for the islands (see docs/adr/060-site-islands.md): elements from a tag, attributes and
// children; `on…` attributes that are functions become event listeners (text there is refused). Text is always
// set as text, never as HTML, and URL attributes take only relative, http(s), mailto and blob URLs, so nothing
// from the stored data can inject markup or script.

/** Anything that can be a child: nodes, text, numbers; `null`, `undefined` and `false` are skipped. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/** Attributes of an element: strings and numbers are set, `true` sets an empty attribute, functions listen. */
export type Attributes = Record<
  string,
  string | number | boolean | null | undefined | ((event: Event) => void)
>;

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Attributes whose value the browser follows as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster']);
/** URL schemes an island may link to; anything else (`javascript:`, `data:`, `vbscript:`…) is never set. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'blob']);

/**
 * Whether a URL is safe to put in `href` or `src`: relative, or with a scheme in {@link SAFE_SCHEMES}. Browsers
 * ignore control characters and whitespace inside a scheme (`java\tscript:`), so those are removed first.
 *
 * @example
 * ```ts
 * isSafeUrl('https://example.org'); // true
 * isSafeUrl(' JaVa\nScript:alert(1)'); // false
 * ```
 */
export function isSafeUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these characters from URLs
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

function apply(element: Element, attributes: Attributes | null | undefined): void {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const lower = name.toLowerCase();
    if (typeof value === 'function') element.addEventListener(lower.slice(2), value);
    else if (lower.startsWith('on')) {
      // An inline handler from a string would run text as code: islands only ever listen with functions.
      throw new TypeError(`h(): "${name}" must be a function, not text.`);
    } else if (URL_ATTRIBUTES.has(lower) && !isSafeUrl(String(value))) continue;
    else if (value === true) element.setAttribute(name, '');
    else if (name === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else element.setAttribute(name, String(value));
  }
}

/**
 * Creates an HTML element.
 *
 * @example
 * ```ts
 * h('button', { type: 'button', onclick: () => save() }, 'Save');
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an SVG element.
 *
 * @example
 * ```ts
 * s('rect', { x: 0, y: 0, width: 10, height: 20 });
 * ```
 */
export function s(tag: string, attributes?: Attributes | null, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  apply(element, attributes);
  append(element, children);
  return element;
}

/** Replaces the children of `parent` with `children`. */
export function mount(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * A count in words: `forms` holds the form for exactly one and the other form, split by `|` (`{n} team|{n} teams`,
 * as Dutch and English both count), with `{n}` the count as `count` writes it in the page's language.
 */
export function counted(forms: string, n: number, count: Intl.NumberFormat): string {
  const [one, other = one] = forms.split('|');
  return format((n === 1 ? one : other) ?? forms, { n: count.format(n) });
}

/** Replaces `{name}` placeholders in a message. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
