/** The chart's measures (px), shared by the layout and the style sheet. */
export const GEOMETRY = {
  laneHeader: 18,
  markRow: 30,
  labelRow: 17,
  labelRows: 2,
  panelHeight: 84,
  axisHeight: 44,
  overviewHeight: 34,
  markSize: 24,
  minGap: 26,
} as const;

/** The height of one lane: its name, its row of marks and its rows of labels. */
export const laneHeight = GEOMETRY.laneHeader + GEOMETRY.markRow + GEOMETRY.labelRow * GEOMETRY.labelRows + 4;
