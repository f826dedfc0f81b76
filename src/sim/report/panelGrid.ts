/**
 * Charts made of equal panels that re-flow with the page: one column on a
 * phone, up to three on a wide screen, without scaling their text.
 *
 * @module
 */
import { num } from './svg';

/** Width of every panel in pixels: narrow enough for a 400 px wide screen. */
export const PANEL_WIDTH = 330;
/** Room between panels side by side. */
export const PANEL_GAP_X = 28;
/** Room between panels one above the other. */
export const PANEL_GAP_Y = 24;
/**
 * The column counts a grid switches between; the style sheet holds a media
 * query for each count above one, at the width {@link gridWidth} gives.
 */
export const GRID_COLUMNS = [1, 2, 3] as const;

/**
 * The width of a grid of `columns` panels.
 *
 * @param columns - panels side by side
 * @returns the width in pixels
 */
export function gridWidth(columns: number): number {
  return columns * PANEL_WIDTH + (columns - 1) * PANEL_GAP_X;
}

/** Where the panels of a grid go, in every layout. */
export interface PanelGrid {
  /** Width of the widest layout, for the root's attributes. */
  readonly width: number;
  /** Height of the widest layout. */
  readonly height: number;
  /** The root's style: the size of each layout, as custom properties. */
  readonly rootStyle: string;
  /** Each panel's place in the widest layout, as a `transform` attribute. */
  readonly transforms: readonly string[];
  /** Each panel's style: its place in each layout, as custom properties. */
  readonly panelStyles: readonly string[];
}

/**
 * Places `count` panels of `height` pixels (all of {@link PANEL_WIDTH}) in
 * each layout of {@link GRID_COLUMNS}. The
 * `transform` attributes draw the widest layout in a browser without the
 * page's style sheet; with it, the custom properties pick the layout that
 * fits the screen.
 *
 * @param count - the panels, in reading order
 * @param height - the height of each panel
 * @param maxColumns - the most panels side by side this chart wants
 * @returns the places and sizes
 */
export function panelGrid(count: number, height: number, maxColumns: number = GRID_COLUMNS.length): PanelGrid {
  const layouts = GRID_COLUMNS.map((wanted) => {
    const columns = Math.max(1, Math.min(wanted, count, maxColumns));
    const rows = Math.max(1, Math.ceil(count / columns));
    const places = Array.from({ length: count }, (_, index) => ({
      x: (index % columns) * (PANEL_WIDTH + PANEL_GAP_X),
      y: Math.floor(index / columns) * (height + PANEL_GAP_Y),
    }));
    return { wanted, width: gridWidth(columns), height: rows * height + (rows - 1) * PANEL_GAP_Y, places };
  });
  const widest = layouts[layouts.length - 1] ?? layouts[0];
  const px = (value: number): string => `${num(Math.ceil(value))}px`;
  return {
    width: widest?.width ?? PANEL_WIDTH,
    height: widest?.height ?? height,
    rootStyle: layouts.map((layout) => `--w${layout.wanted}:${px(layout.width)};--h${layout.wanted}:${px(layout.height)}`).join(';'),
    transforms: (widest?.places ?? []).map((place) => `translate(${num(place.x)} ${num(place.y)})`),
    panelStyles: Array.from({ length: count }, (_, index) =>
      layouts
        .map((layout) => {
          const place = layout.places[index] ?? { x: 0, y: 0 };
          return `--x${layout.wanted}:${num(place.x)}px;--y${layout.wanted}:${num(place.y)}px`;
        })
        .join(';'),
    ),
  };
}
