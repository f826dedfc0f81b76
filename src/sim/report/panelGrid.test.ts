import { describe, expect, it } from 'vitest';
import { gridWidth, PANEL_GAP_X, PANEL_GAP_Y, PANEL_WIDTH, panelGrid } from './panelGrid';

describe('panelGrid', () => {
  it('places panels in one, two and three columns, never more than asked or than there are panels', () => {
    const grid = panelGrid(4, 100, 2);
    const step = PANEL_WIDTH + PANEL_GAP_X;
    expect(grid.width).toBe(gridWidth(2));
    expect(grid.height).toBe(200 + PANEL_GAP_Y);
    expect(grid.rootStyle).toBe(`--w1:${PANEL_WIDTH}px;--h1:${400 + 3 * PANEL_GAP_Y}px;--w2:${gridWidth(2)}px;--h2:${200 + PANEL_GAP_Y}px;--w3:${gridWidth(2)}px;--h3:${200 + PANEL_GAP_Y}px`);
    expect(grid.transforms).toEqual(['translate(0 0)', `translate(${step} 0)`, `translate(0 ${100 + PANEL_GAP_Y})`, `translate(${step} ${100 + PANEL_GAP_Y})`]);
    expect(grid.panelStyles[3]).toBe(`--x1:0px;--y1:${3 * (100 + PANEL_GAP_Y)}px;--x2:${step}px;--y2:${100 + PANEL_GAP_Y}px;--x3:${step}px;--y3:${100 + PANEL_GAP_Y}px`);
    expect(panelGrid(1, 50).width).toBe(PANEL_WIDTH);
  });
});
