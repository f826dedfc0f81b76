/**
 * Colours of the report. Utilization uses viridis, which stays ordered in
 * lightness for the common colour-vision deficiencies and in greyscale.
 * Categories use the Okabe–Ito palette, chosen for the same readers.
 *
 * @module
 */

type Rgb = readonly [number, number, number];

// matplotlib's viridis sampled at 0, 0.1, …, 1; linear interpolation between
// eleven stops stays within a few units of the full 256-entry table.
const VIRIDIS: readonly Rgb[] = [
  [0x44, 0x01, 0x54],
  [0x48, 0x24, 0x75],
  [0x41, 0x44, 0x87],
  [0x35, 0x5f, 0x8d],
  [0x2a, 0x78, 0x8e],
  [0x21, 0x91, 0x8c],
  [0x22, 0xa8, 0x84],
  [0x44, 0xbf, 0x70],
  [0x7a, 0xd1, 0x51],
  [0xbd, 0xdf, 0x26],
  [0xfd, 0xe7, 0x25],
];

const FIRST_STOP: Rgb = [0x44, 0x01, 0x54];

function hex(channel: number): string {
  return Math.round(channel).toString(16).padStart(2, '0');
}

/**
 * The viridis colour at `t`: dark purple at 0, green at 0.6, yellow at 1.
 *
 * @param t - position on the scale; clamped to 0–1, and 0 when not finite
 * @returns a `#rrggbb` colour
 */
export function viridis(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (VIRIDIS.length - 1);
  const index = Math.min(VIRIDIS.length - 2, Math.floor(position));
  const low = VIRIDIS[index] ?? FIRST_STOP;
  const high = VIRIDIS[index + 1] ?? low;
  const weight = position - index;
  return `#${[0, 1, 2].map((channel) => hex((low[channel] ?? 0) * (1 - weight) + (high[channel] ?? 0) * weight)).join('')}`;
}

/**
 * Stops for an SVG `<linearGradient>` that draws the viridis scale.
 *
 * @returns offsets from 0 to 1 with their colours
 */
export function viridisStops(): readonly { readonly offset: number; readonly color: string }[] {
  return VIRIDIS.map((_, index) => {
    const offset = index / (VIRIDIS.length - 1);
    return { offset, color: viridis(offset) };
  });
}

// Okabe–Ito, reordered so the first colours differ most in lightness as well
// as hue, and with its yellow last: it is the hardest to see on white.
const CATEGORICAL: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000', '#f0e442'];

/**
 * A colour for the `index`-th category (a zone, a series), cycling when there
 * are more categories than colours.
 *
 * @param index - the category's position, from 0
 * @returns a `#rrggbb` colour
 */
export function categoricalColor(index: number): string {
  const safe = Number.isFinite(index) ? Math.abs(Math.trunc(index)) : 0;
  return CATEGORICAL[safe % CATEGORICAL.length] ?? '#0072b2';
}
