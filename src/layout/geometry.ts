/**
 * The chart's measures (px), shared by the layout and the style sheet. From the top: the toolbar
 * (title, type chips, buttons), the time axis (sticky), the lanes, the figures, the overview strip.
 */
export const GEOMETRY = {
  /**
   * The element's height (px) at every width unless the page sets one: known before the data
   * arrives, so that the page does not move when the story is drawn. The lanes and the figure
   * chart share what the toolbar and the overview leave of it.
   */
  defaultHeight: 760,
  /** Below this much room for the plot (px), the lanes and the figure chart keep their own heights. */
  minRoom: 240,
  /** The toolbar's row at wide widths; it wraps on a phone. */
  toolbarHeight: 36,
  /** The toolbar as first drawn, before it is measured: one row and its padding, or on a phone the title over the chips. */
  toolbarGuess: 44,
  narrowToolbarGuess: 60,

  /** The time axis: a row of context (year, month) over a row of ticks. */
  axisContext: 14,
  axisTicks: 20,
  axisHeight: 34,

  /** A lane: a header line (shape and name), rows of marks with their labels beside them, a little room below. */
  laneHeader: 16,
  laneRow: 26,
  lanePad: 4,
  /** A mark's hit target (px square); its shape is drawn at `markDrawn`. */
  markSize: 24,
  markDrawn: 16,
  /** Labels: 12 px type on 13 px lines, two lines at most. */
  labelSize: 12,
  labelLine: 13,
  /** A label is at most this wide, and at most this share of the plot; a milestone's a little more. */
  labelWidth: 180,
  labelShare: 0.45,
  milestoneWidth: 220,
  milestoneShare: 0.6,
  /** Where a row leaves less room than this beside a mark, no label is tried there. */
  minLabelWidth: 32,
  /** Least room between two things in a row (past a mark's hit target). */
  rowGap: 4,
  /** A group's mark: its shape and a count of up to four characters. */
  groupWidth: 40,
  /** Rows of one lane at most: on a phone (below `narrow`), and on a wide screen. */
  narrowRows: 4,
  wideRows: 8,
  /** Rows past those limits that milestones alone may open so as to keep their labels. */
  milestoneRows: 2,
  /** Below this plot width (px) the layout is a phone's. */
  narrow: 600,
  /** Below this plot width (px) the detail is a sheet at the bottom of the screen, not a card beside the mark. */
  sheet: 720,
  /**
   * The most height (px) the axis and the lanes take together, so that the first screen holds them:
   * on a wide screen it leaves room for the toolbar, one figure chart with its switcher, and the
   * overview within 800 px; on a phone, for the toolbar within 740 px.
   */
  lanesBudget: 540,
  narrowLanesBudget: 580,
  /** A point mark less than this (px) from a group's first one is grouped with it before stacking, when thousands are in view. */
  minGap: 28,
  /**
   * From this many events of one lane in view they are grouped by time before they are stacked:
   * half of what the lane's rows hold side by side, within these bounds.
   */
  pregroupFrom: 400,
  pregroupMin: 60,

  /** Between the lanes and the figures. */
  gap: 16,
  overviewHeight: 30,
  /** Above the overview strip. */
  overviewGap: 8,
} as const;

/** The height of a lane of `rows` rows. */
export function laneHeight(rows: number): number {
  return GEOMETRY.laneHeader + Math.max(1, rows) * GEOMETRY.laneRow + GEOMETRY.lanePad;
}

/** The top of row `row` of a lane (px from the lane's top). */
export function rowTop(row: number): number {
  return GEOMETRY.laneHeader + row * GEOMETRY.laneRow;
}

/**
 * The plot's room (px) in a frame `height` high: what the toolbar (`toolbar` px, 0 while not yet
 * measured) and the overview strip leave.
 */
export function plotRoom(height: number, toolbar: number, width: number): number {
  const bar = toolbar || (width < GEOMETRY.narrow ? GEOMETRY.narrowToolbarGuess : GEOMETRY.toolbarGuess);
  return height - bar - GEOMETRY.overviewHeight - GEOMETRY.overviewGap;
}
