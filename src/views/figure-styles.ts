import { css } from 'lit';

/** The figure chart: the measure switcher, the value axis, lines, end labels, ranges and points. */
export const figureStyles = css`
  /* Measure switcher: one tab per measure, the rest in a menu. */
  .measure-switcher {
    position: absolute;
    top: 6px;
    left: 0;
    right: 0;
    height: 28px;
    display: flex;
    align-items: center;
    gap: 4px;
    overflow: hidden;
  }
  .measure-tabs {
    display: flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
  }
  .measure-tab,
  .measure-more,
  .measure-menu {
    flex: 0 0 auto;
    height: 26px;
    border: 1px solid var(--_grid);
    border-radius: 13px;
    font-size: 12px;
    line-height: 24px;
    color: var(--_muted);
    background: var(--_bg);
  }
  .measure-tab {
    padding: 0 9px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .measure-tab:hover,
  .measure-more:hover,
  .measure-menu:hover {
    border-color: var(--_muted);
    color: var(--_fg);
  }
  .measure-tab[aria-selected='true'] {
    border-color: var(--_fg);
    background: var(--_fg);
    color: var(--_bg);
  }
  .measure-more,
  .measure-menu {
    max-width: 128px;
    padding: 0 6px;
    font-family: inherit;
    cursor: pointer;
  }
  /* On a phone, one menu names the measure shown: in full where it fits, in the text colour. */
  .measure-menu {
    max-width: 100%;
    min-width: 0;
    color: var(--_fg);
    font-weight: 600;
  }

  /* The chart: value axis in a gutter on the start side, lines in the plot beside it. */
  .figure-chart {
    position: absolute;
    left: 0;
    right: 0;
  }
  .figure-grid,
  .figure-lines {
    position: absolute;
    left: 0;
    top: 0;
    overflow: visible;
    pointer-events: none;
  }
  .figure-grid .plot-area {
    fill: none;
  }
  .figure-grid line {
    stroke: var(--_grid);
    stroke-width: 1;
  }
  .figure-grid line.zero {
    stroke: var(--_muted);
    stroke-opacity: 0.5;
  }
  .figure-line {
    fill: none;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .figure-line.context {
    stroke-width: 1.25;
  }
  .figure-line.named {
    stroke-width: 2;
    stroke: var(--_fg);
  }
  .figure-line.highlighted {
    stroke-width: 2.5;
  }
  .figure-line.silence {
    stroke-dasharray: 2 5;
  }
  /* A wide, unseen stroke over each context line: the pointer names it. */
  .line-hit {
    fill: none;
    stroke: transparent;
    stroke-width: 12;
    pointer-events: stroke;
    vector-effect: non-scaling-stroke;
  }
  .range line {
    stroke: var(--_fg);
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  .range line.bar {
    stroke-width: 3;
    stroke-opacity: 0.6;
  }
  .figure-dot {
    stroke: var(--_bg);
    stroke-width: 1;
  }
  .value-axis {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  .value-tick {
    position: absolute;
    font-size: 11px;
    line-height: 14px;
    color: var(--_muted);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .figure-labels {
    pointer-events: none;
  }
  .end-label,
  .range-label {
    position: absolute;
    left: 0;
    top: 0;
    font-size: 12px;
    line-height: 14px;
    white-space: nowrap;
    color: var(--_fg);
    /* A halo keeps a label readable where a context line passes behind it. */
    text-shadow:
      0 0 2px var(--_bg),
      0 0 2px var(--_bg),
      0 0 3px var(--_bg);
  }
  .end-label > * {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .end-label .who {
    font-weight: 600;
    /* The line's colour, moved towards the text colour so that it reads as text in either theme. */
    color: color-mix(in srgb, var(--_c) 70%, var(--_fg));
  }
  .range-label.highlighted > bdi {
    color: color-mix(in srgb, var(--_c) 70%, var(--_fg));
  }
  .end-label.named .who {
    color: var(--_fg);
  }
  .end-label .what,
  .range-label .who {
    color: var(--_muted);
  }
  .mark.figure-point {
    color: var(--_c);
  }
  /* A point is drawn the size of the dots around it: the target around it is what makes it easy to hit. */
  .mark.figure-point .dot {
    position: absolute;
    left: 8px;
    top: 8px;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
    box-shadow: 0 0 0 1px var(--_bg);
  }
  .mark.figure-point.context .dot {
    left: 9px;
    top: 9px;
    width: 6px;
    height: 6px;
  }
  /* In a dense series the line alone is drawn: a point shows while pointed at or focused. */
  .mark.figure-point.bare .dot {
    visibility: hidden;
  }
  .mark.figure-point:hover .dot,
  .mark.figure-point:focus-visible .dot,
  .mark.figure-point[aria-pressed='true'] .dot {
    visibility: visible;
    transform: scale(1.4);
  }
  /* What a point says while it has focus or the pointer: who, what, when. The mark's generic title tip is not used. */
  .mark.figure-point::before {
    content: none;
  }
  .point-tip {
    position: absolute;
    top: calc(100% + 2px);
    left: 0;
    z-index: 3;
    display: none;
    width: max-content;
    max-width: 240px;
    padding: 3px 6px;
    border: 1px solid var(--_grid);
    border-radius: 4px;
    background: var(--_panel);
    box-shadow: var(--_shadow);
    color: var(--_fg);
    font-size: 12px;
    font-weight: 400;
    line-height: 16px;
    text-align: start;
    white-space: normal;
    pointer-events: none;
  }
  .point-tip .who {
    display: block;
    font-weight: 600;
  }
  .mark.figure-point.tip-end .point-tip {
    left: auto;
    right: 0;
  }
  .mark.figure-point.tip-above .point-tip {
    top: auto;
    bottom: calc(100% + 2px);
  }
  .mark.figure-point:focus-visible .point-tip,
  .mark.figure-point:hover .point-tip {
    display: block;
  }
  .figure-empty {
    position: absolute;
    inset: 0;
    margin: 0;
    display: grid;
    place-items: center;
    font-size: 12px;
    color: var(--_muted);
    pointer-events: none;
  }

  @media (forced-colors: active) {
    .figure-line,
    .range line {
      stroke: CanvasText;
    }
    .mark.figure-point .dot {
      background: CanvasText;
    }
    .measure-tab[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
