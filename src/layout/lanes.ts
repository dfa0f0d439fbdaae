import { group } from 'd3-array';
import { FALLBACK_TYPE, type TimelineEvent, type TypeInfo } from '../model/types.js';

/** The outline a lane's marks are drawn with, so types differ without relying on colour. */
export type MarkShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'hexagon' | 'star';

/** One horizontal band of the timeline: the events of one type (named by i18n's `typeName`). */
export interface Lane {
  type: string;
  /** The colour when the page sets no `--nt-color-<type>`: the data's, else a built-in one. */
  color: string;
  shape: MarkShape;
  /** The events of this type, in date order. */
  events: TimelineEvent[];
  /** The custom property a page sets to recolour this lane (`laneColorVar(type)`). */
  colorVar?: string;
}

/** The type whose events are drawn on the figures track rather than in a lane. */
export const FIGURES_TYPE = 'casualties';

/**
 * Colours and shapes of the built-in types. Each colour has at least 3:1 contrast against both
 * the light (#ffffff) and the dark (#16181d) background, so a mark stays visible in either theme.
 */
export const BUILT_IN_TYPE_STYLES: Readonly<Record<string, { color: string; shape: MarkShape }>> = {
  talks: { color: '#3a73c9', shape: 'circle' },
  proposal: { color: '#b86e00', shape: 'diamond' },
  casualties: { color: '#d0453f', shape: 'star' },
  [FALLBACK_TYPE]: { color: '#767b86', shape: 'hexagon' },
};

/** Colours for declared types that bring none; same 3:1 rule against both themes. */
export const TYPE_PALETTE: readonly string[] = ['#2f8a57', '#8a5cc8', '#1f8a92', '#c0468f', '#7d8a1f', '#a0674a'];

/** Shapes handed to the other lanes, in this order, skipping those the built-in lanes already use. */
const SHAPE_POOL: readonly MarkShape[] = ['square', 'triangle', 'star', 'hexagon', 'circle', 'diamond'];

const LEADING_LANES = ['talks', 'proposal'];

/**
 * The lanes of a dataset: talks, proposal, declared types in declaration order, other types A–Z,
 * then other. Casualties are left to the figures track. `byType` (the events of each type but
 * casualties, in time order) may be given when it is made already.
 */
export function buildLanes(
  events: readonly TimelineEvent[],
  declaredTypes: Readonly<Record<string, TypeInfo>>,
  byType: ReadonlyMap<string, TimelineEvent[]> = group(
    events.filter((event) => event.type !== FIGURES_TYPE),
    (event) => event.type,
  ),
): Lane[] {

  const isFixed = (type: string) => LEADING_LANES.includes(type) || type === FALLBACK_TYPE || type === FIGURES_TYPE;
  const declaredOrder = Object.keys(declaredTypes).filter((type) => !isFixed(type));
  const undeclared = [...byType.keys()]
    .filter((type) => !isFixed(type) && !Object.hasOwn(declaredTypes, type))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const order = [
    ...LEADING_LANES,
    ...declaredOrder,
    ...undeclared,
    FALLBACK_TYPE,
  ].filter((type) => byType.has(type));

  // Palette slots follow the declaration, not presence, so a type keeps its colour across stories
  // built from the same declarations.
  const paletteSlot = new Map<string, number>();
  declaredOrder.forEach((type, i) => paletteSlot.set(type, i));
  undeclared.forEach((type, i) => paletteSlot.set(type, declaredOrder.length + i));

  const usedShapes = new Set<MarkShape>();
  // Colour and shape pairs taken, so that a type beyond the palette, which repeats a colour, never
  // repeats a lane's colour and shape together.
  const usedPairs = new Set<string>();
  for (const type of order) {
    const builtIn = Object.hasOwn(BUILT_IN_TYPE_STYLES, type) ? BUILT_IN_TYPE_STYLES[type] : undefined;
    if (!builtIn) continue;
    usedShapes.add(builtIn.shape);
    const declared = Object.hasOwn(declaredTypes, type) ? declaredTypes[type] : undefined;
    usedPairs.add(`${declared?.color || builtIn.color} ${builtIn.shape}`);
  }
  // The figures track's shape is given away only when every other shape is taken.
  const reserved = events.some((event) => event.type === FIGURES_TYPE) ? BUILT_IN_TYPE_STYLES[FIGURES_TYPE].shape : null;
  let spare = 0;

  return order.map((type) => {
    const declared = Object.hasOwn(declaredTypes, type) ? declaredTypes[type] : undefined;
    const builtIn = Object.hasOwn(BUILT_IN_TYPE_STYLES, type) ? BUILT_IN_TYPE_STYLES[type] : undefined;
    const color =
      declared?.color || builtIn?.color || TYPE_PALETTE[(paletteSlot.get(type) ?? 0) % TYPE_PALETTE.length];
    let shape: MarkShape;
    if (builtIn) {
      shape = builtIn.shape;
    } else {
      const freePair = (candidate: MarkShape) => !usedPairs.has(`${color} ${candidate}`);
      const free =
        SHAPE_POOL.find((candidate) => !usedShapes.has(candidate) && candidate !== reserved && freePair(candidate)) ??
        SHAPE_POOL.find((candidate) => !usedShapes.has(candidate) && freePair(candidate));
      // Shapes are reused in turn, skipping those this colour already has.
      let reused: MarkShape | undefined;
      for (let tries = 0; !free && !reused && tries < SHAPE_POOL.length; tries++) {
        const candidate = SHAPE_POOL[spare++ % SHAPE_POOL.length];
        if (freePair(candidate)) reused = candidate;
      }
      shape = free ?? reused ?? SHAPE_POOL[spare++ % SHAPE_POOL.length];
      usedShapes.add(shape);
      usedPairs.add(`${color} ${shape}`);
    }
    return { type, color, shape, events: byType.get(type)!, colorVar: laneColorVar(type) };
  });
}

/** The type name made safe for a CSS custom property name: lower case a–z, 0–9 and '-'. */
export function sanitizeTypeName(type: string): string {
  const ascii = type
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii) return ascii;
  // A name in another script keeps a distinct, readable-enough name from its code points.
  const codes = Array.from(type, (ch) => ch.codePointAt(0)!.toString(16)).join('-');
  return codes ? `u${codes}` : 'none';
}

/** The custom property that sets a type's colour: `--nt-color-<type>`. */
export function laneColorVar(type: string): string {
  return `--nt-color-${sanitizeTypeName(type)}`;
}

/** A CSS colour value where the page's custom property wins over the lane's own colour. */
export function laneColorValue(lane: Pick<Lane, 'type' | 'color'>): string {
  return `var(${laneColorVar(lane.type)}, ${lane.color})`;
}
