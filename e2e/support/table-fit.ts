import type { Page } from 'playwright-core';

export interface TableFit {
  /** The panel holding the table shows nothing past its own edge. */
  panelOverflow: number;
  /** Columns wider than the box are reachable: the box around the table scrolls sideways. */
  hiddenColumnsReachable: boolean;
  /** The caption's sentence stays within what the reader sees, even when the table scrolls. */
  captionOverflow: number;
}

/**
 * How the table `testId` sits in its panel: cut (cells past the panel's edge, or past a box that
 * does not scroll), or whole (fitting, or scrolling inside its own box within the panel).
 */
export function tableFit(page: Page, testId: string): Promise<TableFit> {
  return page.getByTestId(testId).first().evaluate((table) => {
    const panel = table.closest('.panel') ?? document.body;
    const box = table.parentElement!;
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
    // The caption box is as wide as the table; what counts is where its words end.
    const caption = table.querySelector('caption');
    const words = document.createRange();
    if (caption) words.selectNodeContents(caption);
    return {
      panelOverflow: panel.scrollWidth - panel.clientWidth,
      hiddenColumnsReachable: table.scrollWidth <= box.clientWidth || scrolls,
      captionOverflow: caption ? Math.max(0, words.getBoundingClientRect().right - box.getBoundingClientRect().right) : 0,
    };
  });
}
