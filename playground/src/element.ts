/**
 * The one DOM builder the page uses: elements from a tag, attributes and
 * children, with every piece of text set as text, never parsed as markup.
 *
 * @module
 */

/** A child: a node, text, or nothing (skipped, so that conditions read inline). */
type Child = Node | string | number | null | undefined | false;

/**
 * Builds an element.
 *
 * @param tag - the element's tag
 * @param attributes - attributes to set; `undefined` ones are skipped
 * @param children - nodes and text; text becomes text nodes, so names read
 *   from a pasted fleet cannot inject markup
 * @returns the element
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | undefined>> = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * Finds an element the page's HTML declares.
 *
 * @param id - its id
 * @returns the element
 * @throws Error when the page lacks it: the HTML and the script disagree
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`The page has no #${id}.`);
  return node as T;
}

/**
 * A table that scrolls inside its own box, sideways so that a wide table
 * never widens the page on a phone, and down when it is long.
 *
 * @param caption - what the table shows, for screen readers and as its title
 * @param headings - the column headings
 * @param rows - the rows, already built
 * @returns the scrolling box holding the table
 */
export function table(caption: string, headings: readonly string[], rows: readonly HTMLTableRowElement[]): HTMLDivElement {
  // More rows than a screen holds: the box scrolls on its own.
  const tall = rows.length > 15 ? ' tall' : '';
  const head = element('tr', {}, headings.map((heading) => element('th', { scope: 'col' }, [heading])));
  // tabindex: a box that scrolls must be reachable by keyboard to be scrolled.
  return element('div', { class: `table-box${tall}`, tabindex: '0', role: 'region', 'aria-label': caption }, [
    element('table', {}, [element('caption', {}, [caption]), element('thead', {}, [head]), element('tbody', {}, rows)]),
  ]);
}

/**
 * The children that are there, for `replaceChildren`, which takes no gaps.
 *
 * @param children - nodes, text, and nothing where a condition left nothing
 * @returns the nodes and text
 */
export function present(...children: readonly Child[]): (Node | string)[] {
  return children.flatMap((child) => (child === null || child === undefined || child === false ? [] : [child instanceof Node ? child : String(child)]));
}
