/**
 * Small helpers to write SVG markup as strings.
 *
 * @module
 */
import { escapeHtml } from './escapeHtml';

/** An attribute value: numbers are written as coordinates, `undefined` is left out. */
type AttributeValue = string | number | undefined;

/** Attributes of an element, by name. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/**
 * Writes a coordinate or length: at most two decimals, and 0 for a value
 * that is not finite, so a bad input never puts `NaN` into the markup.
 *
 * @param value - the number
 * @returns its text
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * Writes attributes, escaping strings and formatting numbers.
 *
 * @param attributes - the attributes
 * @returns ` name="value"` pairs, each with its leading space
 */
export function attributes(attributes: Attributes): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    text += ` ${name}="${typeof value === 'number' ? num(value) : escapeHtml(value)}"`;
  }
  return text;
}

/**
 * Writes an element. Children are markup, written as given; pass text
 * through {@link escapeHtml} or use {@link text}.
 *
 * @param tag - the element name
 * @param attrs - its attributes
 * @param children - its content; without it the element is self-closed
 * @returns the markup
 */
export function element(tag: string, attrs: Attributes, children?: string): string {
  return children === undefined ? `<${tag}${attributes(attrs)}/>` : `<${tag}${attributes(attrs)}>${children}</${tag}>`;
}

/**
 * Writes a `<text>` element whose content is escaped.
 *
 * @param attrs - its attributes (position, anchor, class)
 * @param content - the plain text
 * @returns the markup
 */
export function text(attrs: Attributes, content: string): string {
  return element('text', attrs, escapeHtml(content));
}

/**
 * Writes a `<title>` element: the tooltip a browser shows on hover.
 *
 * @param content - the plain text; newlines become line breaks in the tooltip
 * @returns the markup
 */
export function title(content: string): string {
  return `<title>${escapeHtml(content)}</title>`;
}

/** Width of the charts that do not re-flow, in pixels. */
export const CHART_WIDTH = 1080;

/** The narrowest a fluid chart gets before its box scrolls, in pixels. */
export const FLUID_MIN_WIDTH = 260;

/**
 * How a chart takes the width of the page. `fixed`: as wide as `width`, its
 * box scrolling when the page is narrower. `fluid`: as wide as its box (at
 * least {@link FLUID_MIN_WIDTH}), for charts drawn in percentages across.
 * `grid`: panels that re-flow, with the sizes of each layout in `style` (see
 * `panelGrid`).
 */
type ChartLayout = 'fixed' | 'fluid' | 'grid';

/** What a chart's root `<svg>` needs. */
export interface ChartRoot {
  /** The stable name tests and styles find the chart by (`data-chart`). */
  readonly chart: string;
  /** Width in pixels (of the widest layout, for a grid; ignored when fluid). */
  readonly width: number;
  /** Height in pixels (of the widest layout, for a grid). */
  readonly height: number;
  /** What the chart shows, for screen readers. */
  readonly label: string;
  /** How the chart takes the page's width; `fixed` when left out. */
  readonly layout?: ChartLayout;
  /** Custom properties for the style sheet, such as a grid's layouts. */
  readonly style?: string;
}

/**
 * Writes a chart's root `<svg>`. It has no `xmlns`: inline SVG in HTML does
 * not need one, and the page keeps no URL at all. It has no viewBox either:
 * a chart is never scaled down, so its text keeps its size on a phone;
 * instead it re-flows (fluid, grid) or scrolls inside its box (fixed).
 *
 * @param root - the chart's name, size, label and layout
 * @param body - the chart's markup
 * @returns the markup
 */
export function chartSvg(root: ChartRoot, body: string): string {
  const width = Math.max(1, Math.ceil(Number.isFinite(root.width) ? root.width : 1));
  const height = Math.max(1, Math.ceil(Number.isFinite(root.height) ? root.height : 1));
  const layout = root.layout ?? 'fixed';
  return element(
    'svg',
    {
      class: layout === 'fixed' ? 'chart' : `chart ${layout}`,
      'data-chart': root.chart,
      role: 'img',
      'aria-label': root.label,
      width: layout === 'fluid' ? undefined : width,
      height,
      style: root.style,
    },
    body,
  );
}

/**
 * A rough width of a label in pixels, for layout without a browser to
 * measure text. The per-character widths are those of common sans-serif
 * fonts (DejaVu Sans, Helvetica) in ems, erring wide so labels do not clip.
 *
 * @param content - the text
 * @param fontSize - the font size in pixels
 * @param bold - whether the text is bold, which widens it by about a tenth
 * @returns the estimated width
 */
export function textWidth(content: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of content) ems += characterEms(character);
  return ems * fontSize * (bold ? 1.1 : 1);
}

function characterEms(character: string): number {
  if (/[ijlft.,:;'!|()[\] ]/.test(character)) return 0.36;
  if (/[mwMW@%]/.test(character)) return 0.95;
  if (/[A-Z0-9]/.test(character)) return 0.72;
  if (/[a-z]/.test(character)) return 0.62;
  return (character.codePointAt(0) ?? 0) >= 0x2e80 ? 1.05 : 0.75;
}

/**
 * Shortens a label until its estimated width fits, ending it with an
 * ellipsis when cut; the full text belongs in a tooltip.
 *
 * @param content - the text
 * @param maxWidth - the room in pixels
 * @param fontSize - the font size in pixels
 * @param bold - whether the text is bold
 * @returns the text, or its longest prefix that fits followed by `…`
 */
export function fitText(content: string, maxWidth: number, fontSize: number, bold = false): string {
  const scale = fontSize * (bold ? 1.1 : 1);
  if (textWidth(content, fontSize, bold) <= maxWidth) return content;
  // One pass, adding characters while they and the ellipsis still fit.
  const room = maxWidth / scale - characterEms('…');
  let used = 0;
  let kept = '';
  for (const character of content) {
    used += characterEms(character);
    if (used > room) break;
    kept += character;
  }
  return `${kept}…`;
}

/**
 * Breaks a label into lines at spaces so each fits `maxWidth`, for text
 * that SVG will not wrap itself. A word too long for a line, and whatever
 * is left past `maxLines`, is shortened with an ellipsis by {@link fitText}.
 *
 * @param content - the text
 * @param maxWidth - the room in pixels
 * @param fontSize - the font size in pixels
 * @param bold - whether the text is bold
 * @param maxLines - the most lines to use, at least 1
 * @returns the lines, at least one
 */
export function wrapText(content: string, maxWidth: number, fontSize: number, bold = false, maxLines = 2): string[] {
  const words = content.split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const [index, word] of words.entries()) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line === '' || textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (lines.length + 1 >= Math.max(1, maxLines)) {
      line = `${line} ${words.slice(index).join(' ')}`;
      break;
    }
    lines.push(fitText(line, maxWidth, fontSize, bold));
    line = word;
  }
  lines.push(fitText(line, maxWidth, fontSize, bold));
  return lines;
}
