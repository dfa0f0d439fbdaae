import { css } from 'lit';
import { GEOMETRY } from '../layout/geometry.js';

export const styles = css`
  :host {
    /* Public custom properties, copied into private ones. */
    --_font: var(--nt-font, inherit);
    --_bg: var(--nt-bg, #ffffff);
    --_fg: var(--nt-fg, #1d1f24);
    --_muted: var(--nt-muted, #565c68);
    --_accent: var(--nt-accent, #0a5fc0);
    --_grid: #dde1e7;
    --_lane: #f5f6f8;
    /* Every other lane: a tint, so that the grid under it shows through. */
    --_band: rgb(29 31 36 / 0.04);
    --_panel: #ffffff;
    --_shadow: 0 2px 10px rgb(0 0 0 / 0.16);
    display: block;
    position: relative;
    box-sizing: border-box;
    min-width: 280px;
    /* Known before the data arrives, so that the page around it does not move when the story is
       drawn: the page may set its own height on the element (README's snippet sets this one). */
    height: ${GEOMETRY.defaultHeight}px;
    /* No layout containment: it would make the host the containing block of the detail's sheet,
       which is fixed to the screen on a phone. */
    contain: style;
    color: var(--_fg);
    background: var(--_bg);
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    --_bg: var(--nt-bg, #16181d);
    --_fg: var(--nt-fg, #eceef2);
    --_muted: var(--nt-muted, #a3aab7);
    --_accent: var(--nt-accent, #79b6ff);
    --_grid: #30343d;
    --_lane: #1d2026;
    --_band: rgb(236 238 242 / 0.045);
    --_panel: #1f2228;
    --_shadow: 0 2px 12px rgb(0 0 0 / 0.6);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_bg: var(--nt-bg, #16181d);
      --_fg: var(--nt-fg, #eceef2);
      --_muted: var(--nt-muted, #a3aab7);
      --_accent: var(--nt-accent, #79b6ff);
      --_grid: #30343d;
      --_lane: #1d2026;
    --_band: rgb(236 238 242 / 0.045);
      --_panel: #1f2228;
      --_shadow: 0 2px 12px rgb(0 0 0 / 0.6);
      color-scheme: dark;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    margin: 0;
    padding: 0;
    cursor: pointer;
    text-transform: none;
    letter-spacing: inherit;
    min-width: 24px;
    min-height: 24px;
  }
  a {
    color: var(--_accent);
    text-decoration: underline;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  svg {
    display: block;
    overflow: visible;
    max-width: none;
    fill: none;
    stroke: none;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* The host is styled by the page too, and a page rule such as "* { all: unset }" beats :host:
     the type and text settings its contents inherit are set here, on the frame, not on the host. */
  .frame {
    position: relative;
    /* The host's height, shared out: the toolbar, then the chart (or the list, the loading state,
       the error), then the overview. */
    display: flex;
    flex-direction: column;
    height: 100%;
    color: var(--_fg);
    font-family: var(--_font);
    font-size: 14px;
    font-weight: 400;
    font-style: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    writing-mode: horizontal-tb;
    -webkit-text-fill-color: currentcolor;
    visibility: visible;
    cursor: auto;
  }

  .frame.inline-host {
    height: ${GEOMETRY.defaultHeight}px;
  }

  /* Toolbar: title, type chips, controls, in one row on a wide screen. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    flex: none;
    min-height: ${GEOMETRY.toolbarHeight}px;
    padding: 4px 0;
  }
  .title {
    font-weight: 700;
    font-size: 15px;
    line-height: 1.25;
    margin: 0;
    flex: 1 1 auto;
    min-width: 12ch;
  }
  /* A title in another script keeps its own direction but lines up with the widget's side. */
  .frame[dir='ltr'] .title {
    text-align: left;
  }
  .frame[dir='rtl'] .title {
    text-align: right;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend button {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    height: 26px;
    padding: 0 9px 0 7px;
    border: 1px solid var(--_grid);
    border-radius: 13px;
    font-size: 12px;
    line-height: 1;
    white-space: nowrap;
  }
  .legend button[aria-pressed='false'] {
    color: var(--_muted);
    text-decoration: line-through;
  }
  .legend button[aria-pressed='false'] .swatch {
    opacity: 0.35;
  }
  /* On a phone the chips keep to one row that scrolls sideways, so that the lanes stay on the first screen. */
  .frame.narrow .toolbar {
    gap: 4px 8px;
  }
  .frame.narrow .title {
    flex-basis: 100%;
  }
  .frame.narrow .legend {
    flex: 1 1 0;
    min-width: 0;
    flex-wrap: nowrap;
    overflow-x: auto;
    scrollbar-width: none;
    /* The chips past the edge fade out: the row scrolls. */
    mask-image: linear-gradient(to var(--_end-side, right), #000 calc(100% - 20px), transparent);
  }
  .frame.narrow[dir='rtl'] .legend {
    --_end-side: left;
  }
  .frame.narrow .legend::-webkit-scrollbar {
    display: none;
  }
  .controls {
    display: flex;
    gap: 4px;
    margin-inline-start: auto;
  }
  .controls button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 28px;
    height: 28px;
    padding: 0 6px;
    border: 1px solid var(--_grid);
    border-radius: 6px;
    background: var(--_bg);
    font-size: 12px;
  }
  .frame.narrow .button-text {
    display: none;
  }
  .controls button:hover,
  .legend button:hover {
    border-color: var(--_muted);
  }
  .controls button[aria-pressed='true'] {
    background: var(--_fg);
    color: var(--_bg);
  }
  .controls svg {
    width: 16px;
    height: 16px;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }

  /* The chart: the time axis (sticky) over the lanes. Nothing between the axis and the page may
     scroll, or the axis would stick to that instead: the chart clips, it does not scroll. */
  .chart {
    position: relative;
    flex: 1 1 0;
    min-height: 0;
    /* Clipped at the sides only: a group's list may open below a short chart. */
    overflow-x: clip;
    overflow-y: visible;
    border-bottom: 1px solid var(--_grid);
  }
  .plot {
    position: relative;
    touch-action: pan-y;
    cursor: grab;
    user-select: none;
    -webkit-user-select: none;
    -webkit-tap-highlight-color: transparent;
    outline: none;
  }
  /* Set while the plot is held for a pan (not on a press on a mark): a change of the cursor here restyles everything in the plot. */
  .plot.grabbing {
    cursor: grabbing;
  }
  /* The plot holds focus only while a zoom shows no mark to hold it. */
  .plot:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .grid {
    position: absolute;
    left: 0;
    pointer-events: none;
  }
  .grid path {
    fill: none;
    stroke: var(--_grid);
    stroke-width: 1;
  }
  .lane {
    position: absolute;
    left: 0;
    right: 0;
    border-top: 1px solid var(--_grid);
  }
  /* Every other lane shaded, lightly enough for the grid under it to show through. */
  .lane:nth-of-type(even) {
    background: var(--_band);
  }
  .lane-label {
    position: absolute;
    inset-inline-start: 6px;
    top: 1px;
    height: ${GEOMETRY.laneHeader - 2}px;
    font-size: 11px;
    line-height: ${GEOMETRY.laneHeader - 2}px;
    font-weight: 600;
    color: var(--_muted);
    pointer-events: none;
    white-space: nowrap;
    display: flex;
    align-items: center;
    gap: 4px;
    /* A long name on a phone ends in an ellipsis instead of running out of the chart. */
    max-width: calc(100% - 12px);
  }
  .lane-label > bdi,
  .lane-label > span {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .lane-label .shape-inline {
    flex: none;
    width: 11px;
    height: 11px;
    color: var(--_type-color);
  }

  .mark {
    position: absolute;
    left: 0;
    top: 0;
    display: block;
    width: ${GEOMETRY.markSize}px;
    height: ${GEOMETRY.markSize}px;
    color: var(--_type-color, var(--_fg));
    border-radius: 50%;
  }
  .mark .shape {
    position: absolute;
    left: 4px;
    top: 4px;
    width: 16px;
    height: 16px;
    fill: currentColor;
    stroke: var(--_bg);
    stroke-width: 1.5;
  }
  /* A key moment: the shape a little larger, ringed. */
  .mark.milestone .shape {
    left: 2px;
    top: 2px;
    width: 20px;
    height: 20px;
    stroke: var(--_bg);
    stroke-width: 1.2;
    filter: drop-shadow(0 0 0.6px var(--_fg));
  }
  .mark.unsourced .shape {
    fill: var(--_bg);
    stroke: currentColor;
    stroke-width: 2;
  }
  .mark.span {
    border-radius: 4px;
  }
  .mark .bar {
    position: absolute;
    top: 8px;
    height: 8px;
    left: 0;
    right: 0;
    border-radius: 4px;
    background: currentColor;
  }
  .mark.period .bar {
    /* Known only to the month or year: drawn as a hatched period, not as a day. */
    background: repeating-linear-gradient(
      135deg,
      currentColor 0 3px,
      transparent 3px 6px
    );
    border: 1.5px solid currentColor;
  }
  /* A bar long enough to carry its label: a band in the type's colour under the text, edged in it. */
  .mark.span.labelled .bar {
    top: 0;
    height: 24px;
    border-radius: 3px;
    background: color-mix(in srgb, currentColor 16%, var(--_bg));
    border-inline-start: 3px solid currentColor;
    border-bottom: 2px solid currentColor;
  }
  .mark.span.labelled.period .bar {
    background: repeating-linear-gradient(
        135deg,
        color-mix(in srgb, currentColor 22%, var(--_bg)) 0 3px,
        var(--_bg) 3px 6px
      );
  }
  .mark[aria-pressed='true']::after {
    content: '';
    position: absolute;
    inset: -3px;
    border: 2px solid var(--_accent);
    border-radius: inherit;
  }
  /* Events the rows could not hold apart: the type's shape and colour with their number. */
  .mark.group {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 2px;
    padding: 0 4px;
    border: 1.5px solid currentColor;
    border-radius: 12px;
    background: var(--_bg);
    color: var(--_type-color, var(--_fg));
  }
  .mark.group .group-shape {
    flex: none;
    width: 11px;
    height: 11px;
    fill: currentColor;
  }
  .mark.group .count {
    color: var(--_fg);
    font-size: 11px;
    font-weight: 700;
    line-height: 1;
  }
  .mark.group.moment {
    border-style: double;
    border-width: 3px;
  }
  .mark.cluster {
    width: auto;
    min-width: 26px;
    height: 24px;
    padding: 0 6px;
    border-radius: 12px;
    background: var(--_fg);
    color: var(--_bg);
    font-size: 12px;
    font-weight: 700;
    line-height: 24px;
    text-align: center;
    box-shadow: inset 0 -3px 0 var(--_type-color, var(--_muted));
  }
  /* The full title of a mark while it has keyboard focus, where its label does not already show it
     (on hover, the title attribute shows it). Under the mark's row, clear of its label beside it. */
  .mark[data-tip]:focus-visible::before {
    content: attr(data-tip);
    position: absolute;
    top: calc(100% + 5px);
    left: 0;
    z-index: 3;
    width: max-content;
    max-width: min(280px, var(--_tip-room, 280px));
    box-sizing: border-box;
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
    /* A title keeps its own direction (and its brackets and colons where they belong) in a widget of the other. */
    unicode-bidi: plaintext;
    pointer-events: none;
  }
  .mark.tip-end:focus-visible::before {
    left: auto;
    right: 0;
  }
  .mark:focus-visible {
    z-index: 3;
  }
  /* A point's ring keeps within its hit target, round the shape drawn 4 px inside it: the label starts at the target's edge. */
  .mark:not(.group):not(.span):focus-visible {
    outline-offset: -3px;
  }
  .label {
    position: absolute;
    left: 0;
    top: 0;
    font-size: ${GEOMETRY.labelSize}px;
    line-height: ${GEOMETRY.labelLine}px;
    white-space: nowrap;
    color: var(--_fg);
    cursor: pointer;
  }
  .label > bdi {
    display: block;
  }
  .label.milestone {
    font-weight: 600;
  }

  /* The figure chart's block (figure-styles.ts). */
  .figures {
    position: absolute;
    left: 0;
    right: 0;
    border-top: 1px solid var(--_grid);
  }
  .swatch {
    position: relative;
    display: inline-block;
    width: 14px;
    height: 14px;
    color: var(--_type-color);
  }
  .shape-inline {
    width: 14px;
    height: 14px;
    fill: currentColor;
  }

  /* Time axis, at the top of the plot: it stays in sight while the chart is on the screen. */
  .axis {
    position: sticky;
    top: 0;
    z-index: 4;
    height: ${GEOMETRY.axisHeight}px;
    background: var(--_bg);
    border-bottom: 1px solid var(--_muted);
    font-size: 12px;
    line-height: 16px;
    pointer-events: none;
  }
  .axis > div {
    height: 100%;
  }
  .tick {
    position: absolute;
    /* Placed by transform from the left edge; in right-to-left the static position is the right. */
    left: 0;
    top: ${GEOMETRY.axisContext + 1}px;
    white-space: nowrap;
    color: var(--_fg);
  }
  .tick.context {
    top: 0;
    line-height: ${GEOMETRY.axisContext}px;
    font-size: 12px;
    font-weight: 600;
    color: var(--_muted);
  }

  /* Overview strip with the brush. */
  .overview {
    flex: none;
    position: relative;
    height: ${GEOMETRY.overviewHeight}px;
    margin-top: ${GEOMETRY.overviewGap}px;
    border: 1px solid var(--_grid);
    border-radius: 4px;
    touch-action: none;
  }
  .overview .bins {
    fill: var(--_muted);
    opacity: 0.55;
  }
  .brush {
    position: absolute;
    top: -1px;
    bottom: -1px;
    border: 2px solid var(--_accent);
    border-radius: 4px;
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    cursor: grab;
    touch-action: none;
  }
  .brush .handle {
    position: absolute;
    top: 0;
    bottom: 0;
    width: 24px;
    min-width: 24px;
    cursor: ew-resize;
  }
  .brush .handle.start {
    left: -13px;
  }
  .brush .handle.end {
    right: -13px;
  }
  .brush .handle::after {
    content: '';
    position: absolute;
    left: 10px;
    top: 25%;
    bottom: 25%;
    width: 4px;
    border-radius: 2px;
    background: var(--_accent);
  }

  /* Hint over the chart. */
  .hint {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    pointer-events: none;
    background: rgb(0 0 0 / 0.45);
    color: #ffffff;
    font-size: 16px;
    font-weight: 600;
    text-align: center;
    padding: 16px;
    opacity: 0;
    transition: opacity 0.2s;
  }
  .hint.shown {
    opacity: 1;
  }

  /* Detail of the selected event. */
  .detail {
    background: var(--_panel);
    color: var(--_fg);
    border: 1px solid var(--_grid);
    border-radius: 8px;
    box-shadow: var(--_shadow);
    padding: 12px 14px;
    overflow: auto;
  }
  /* On a wide screen: a card over the plot, under the axis, on the side away from the selected mark. */
  .detail.card {
    position: absolute;
    top: ${GEOMETRY.axisHeight + 8}px;
    width: min(360px, 45%);
    max-height: calc(100% - ${GEOMETRY.axisHeight + 16}px);
    z-index: 5;
  }
  .detail.at-right {
    right: 8px;
  }
  .detail.at-left {
    left: 8px;
  }
  /* On a phone: a sheet at the bottom of the screen, where the tap was seen. */
  .detail.sheet {
    position: fixed;
    left: 50%;
    bottom: 0;
    transform: translateX(-50%);
    width: min(100vw, 480px);
    z-index: 10;
    max-height: 60vh;
    border-radius: 12px 12px 0 0;
    border-bottom: 0;
    padding-bottom: max(12px, env(safe-area-inset-bottom));
    box-shadow: 0 -4px 18px rgb(0 0 0 / 0.25);
  }

  /* The events of a group that no zoom parts, listed under its mark. */
  .group-list {
    position: absolute;
    z-index: 6;
    max-height: 260px;
    overflow: auto;
    padding: 8px 10px;
    background: var(--_panel);
    color: var(--_fg);
    border: 1px solid var(--_grid);
    border-radius: 8px;
    box-shadow: var(--_shadow);
  }
  .group-list h2 {
    font-size: 13px;
    margin: 2px 0 6px;
    padding-inline-end: 30px;
    color: var(--_muted);
  }
  .group-list ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .group-list li button {
    display: block;
    width: 100%;
    min-height: 32px;
    padding: 4px 6px;
    border-radius: 4px;
    text-align: start;
    font-size: 13px;
    line-height: 1.3;
  }
  .group-list li button:hover {
    background: var(--_lane);
  }
  .group-list .close {
    position: absolute;
    top: 4px;
    inset-inline-end: 4px;
    width: 28px;
    height: 28px;
    font-size: 18px;
    line-height: 1;
    border-radius: 6px;
  }
  .detail h2 {
    font-size: 17px;
    line-height: 1.3;
    margin: 0 0 4px;
    padding-inline-end: 30px;
  }
  .detail .meta {
    color: var(--_muted);
    font-size: 13px;
    margin: 0 0 8px;
  }
  .detail .close {
    position: absolute;
    top: 6px;
    inset-inline-end: 6px;
    width: 32px;
    height: 32px;
    border-radius: 6px;
    font-size: 20px;
    line-height: 1;
  }
  .detail p {
    margin: 0 0 8px;
  }
  .detail h3,
  .list h3 {
    font-size: 13px;
    margin: 10px 0 4px;
    text-transform: none;
  }
  .detail ul,
  .list ul {
    margin: 0;
    padding-inline-start: 18px;
  }
  .detail li,
  .list li li {
    margin-bottom: 3px;
  }
  .detail .nav {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    margin-top: 10px;
  }
  .detail .nav button {
    padding: 4px 10px;
    border: 1px solid var(--_grid);
    border-radius: 6px;
  }
  .warning {
    color: var(--_muted);
    font-style: italic;
  }

  /* List view: lines of reading length. */
  .list {
    flex: 1 1 0;
    min-height: 0;
    overflow: auto;
    padding: 4px 2px;
  }
  /* About 75 characters a line: a ch is the width of a zero, wider than the average letter and space. */
  .list > *,
  .list li > * {
    max-width: 60ch;
  }
  .list h2 {
    font-size: 16px;
    margin: 6px 0;
    /* Its focus ring (it takes focus when the list opens) hugs the title, not a wider 60ch of larger type. */
    width: fit-content;
  }
  .list ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list > ol > li {
    border-bottom: 1px solid var(--_grid);
    padding: 8px 0;
  }
  .list .when {
    color: var(--_muted);
    font-size: 13px;
  }
  .list h3 {
    font-size: 15px;
    margin: 2px 0 4px;
  }

  /* Status: loading and errors. */
  .status {
    flex: 1 1 0;
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding: 24px 16px;
    text-align: center;
    color: var(--_muted);
  }
  .status progress {
    display: block;
    margin: 8px auto 0;
    width: min(240px, 80%);
  }
  .error {
    flex: 0 1 auto;
    min-height: 0;
    overflow: auto;
    border: 1px solid #b3261e;
    border-inline-start-width: 4px;
    border-radius: 6px;
    padding: 12px 14px;
    margin: 8px 0;
    color: var(--_fg);
    background: var(--_panel);
    text-align: start;
  }
  .error h2 {
    font-size: 15px;
    margin: 0 0 4px;
  }
  .error p {
    margin: 0 0 8px;
    overflow-wrap: anywhere;
  }
  .error button {
    padding: 4px 12px;
    border: 1px solid var(--_grid);
    border-radius: 6px;
  }
  .problems {
    font-size: 13px;
    color: var(--_muted);
  }
  .problems summary {
    cursor: pointer;
  }
  .problems code {
    font-family: ui-monospace, monospace;
    font-size: 12px;
  }

  @media (prefers-reduced-motion: reduce) {
    .hint {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .mark,
    .mark.cluster {
      forced-color-adjust: none;
      /* Over the series colour set on each figure point. */
      color: CanvasText !important;
      background: Canvas;
      border: 1px solid CanvasText;
    }
    .mark .shape {
      fill: CanvasText;
      stroke: Canvas;
    }
    .mark.unsourced .shape {
      fill: Canvas;
      stroke: CanvasText;
    }
    .mark[aria-pressed='true']::after,
    .brush {
      border-color: Highlight;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
