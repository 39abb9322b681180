// A tiny DOM builder for the islands (see docs/adr/060-site-islands.md): elements from a tag, attributes and
// children; `on…` attributes that are functions become event listeners. Text is always set as text, never as
// HTML, so nothing from the stored data can inject markup.

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

function apply(element: Element, attributes: Attributes | null | undefined): void {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
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

/** Replaces `{name}` placeholders in a message. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
