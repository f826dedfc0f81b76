// The measuring function runs in the browser, so it is written against the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * What the report page looks like at one screen width, measured in the
 * browser: the numbers the narrow- and wide-screen checks judge.
 */

/** A piece of text drawn smaller than a reader can read. */
interface SmallText {
  readonly text: string;
  readonly size: number;
}

/** The measures of a page at one width. */
export interface PageLayout {
  /** The viewport's width. */
  readonly viewport: number;
  /** How wide the document is: more than the viewport means the page scrolls sideways. */
  readonly scrollWidth: number;
  /** How many pieces of text were measured, HTML and SVG. */
  readonly texts: number;
  /** Text drawn below 10 CSS px, with its size. */
  readonly smallTexts: readonly SmallText[];
  /** SVG labels drawn outside what their chart shows (its box, or the SVG itself where it clips). */
  readonly clippedLabels: readonly string[];
  /** Each failure reason in the first-failure table: its words and the lines it took. */
  readonly reasons: readonly { readonly text: string; readonly words: number; readonly lines: number; readonly width: number }[];
  /** The footer's text. */
  readonly footer: string;
  /** Per heat map panel: its zone, position, and row labels with their height below the panel's top. */
  readonly panels: readonly { readonly zone: string; readonly left: number; readonly top: number; readonly rows: readonly { readonly type: string; readonly y: number }[] }[];
}

/**
 * Measures the page it runs in. Passed to `page.evaluate`, so it uses
 * nothing from outside its own body.
 */
export function measurePageLayout(): PageLayout {
  const smallTexts: SmallText[] = [];
  let texts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || (node.textContent ?? '').trim() === '' || parent.closest('title') !== null) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    let size = Number.parseFloat(style.fontSize);
    // SVG text is drawn at its font size times the scale from its user units to the screen.
    if (parent instanceof SVGGraphicsElement) {
      const matrix = parent.getScreenCTM();
      if (matrix !== null) size *= Math.sqrt(Math.abs(matrix.a * matrix.d - matrix.b * matrix.c));
    }
    texts += 1;
    if (!(size >= 10)) smallTexts.push({ text: (node.textContent ?? '').trim().slice(0, 40), size: Math.round(size * 100) / 100 });
  }
  const clippedLabels: string[] = [];
  for (const label of document.querySelectorAll('svg.chart text')) {
    const svg = label.closest('svg');
    const box = label.closest('.chart-box');
    if (svg === null || box === null) continue;
    const rect = label.getBoundingClientRect();
    const area = box.getBoundingClientRect();
    const shown = getComputedStyle(svg).overflow === 'visible' ? { left: area.left - box.scrollLeft, right: area.left - box.scrollLeft + box.scrollWidth } : svg.getBoundingClientRect();
    if (rect.width > 0 && (rect.left < shown.left - 1 || rect.right > shown.right + 1)) clippedLabels.push((label.textContent ?? '').slice(0, 40));
  }
  const reasons = [...document.querySelectorAll('li.reason > code')].map((code) => {
    const text = code.textContent ?? '';
    const lines = new Set([...code.getClientRects()].map((rect) => Math.round(rect.top))).size;
    return { text, words: text.split(/\s+/).filter((word: string) => word !== '').length, lines, width: code.getBoundingClientRect().width };
  });
  const panels = [...document.querySelectorAll('svg[data-chart="heatmap"] g.panel')].map((panel) => {
    const top = panel.getBoundingClientRect().top;
    return {
      zone: panel.getAttribute('data-zone') ?? '',
      left: Math.round(panel.getBoundingClientRect().left),
      top: Math.round(top),
      rows: [...panel.querySelectorAll('text.row-label')].map((label) => ({ type: label.textContent ?? '', y: Math.round(label.getBoundingClientRect().top - top) })),
    };
  });
  return {
    viewport: window.innerWidth,
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    texts,
    smallTexts,
    clippedLabels,
    reasons,
    footer: document.querySelector('footer')?.textContent ?? '',
    panels,
  };
}
