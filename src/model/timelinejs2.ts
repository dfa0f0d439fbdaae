// Reads TimelineJS 2 files ({ "timeline": { "headline", "text", "asset", "date": [...], "era": [...] } })
// by turning them into TimelineJS 3 slides: startDate and endDate ("2012,1,26", year first, with
// commas) become date parts, headline and text stay, asset becomes media, tag becomes the group.
import { isRecord, own } from './fields.js';
import type { NormalizeOptions, Steps } from './normalize.js';
import type { ProblemList } from './problems.js';
import { quote } from './problems.js';
import { DATE_ERROR, readSlides, type SlideLocator } from './timelinejs.js';
import type { Dataset } from './types.js';

/** Whether a parsed value is a TimelineJS 2 file: a `timeline` object with a `date` (or `era`) list. */
export function isTimelineJs2(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const timeline = own(value, 'timeline');
  return isRecord(timeline) && (Array.isArray(own(timeline, 'date')) || Array.isArray(own(timeline, 'era')));
}

/** TimelineJS 3 slide parts and the TimelineJS 2 field each comes from. */
const PART_NAMES: [prefix: string, name: string][] = [
  ['start_date', 'startDate'], ['end_date', 'endDate'], ['text.headline', 'headline'], ['text.text', 'text'],
  ['media.url', 'asset.media'], ['media.caption', 'asset.caption'], ['media.credit', 'asset.credit'], ['group', 'tag'], ['unique_id', 'id'],
];

const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/** A TimelineJS 2 date ("2012,1,26", "2012", "2012,1,26,14,30") as TimelineJS 3 date parts. */
export function datePartsOf(value: unknown): unknown {
  if (typeof value === 'number') return { year: value };
  if (typeof value !== 'string' || value.trim() === '') return value;
  const parts = value.trim().split(/\s*,\s*/);
  if (parts.length > DATE_PARTS.length || !parts.every((part) => /^[+-]?\d+$/.test(part))) {
    return { [DATE_ERROR]: `${quote(value.trim())} is not a date as TimelineJS 2 writes it: year, month and day with commas, like "2012,1,26".` };
  }
  const date: Record<string, string> = {};
  parts.forEach((part, k) => (date[DATE_PARTS[k]] = part));
  return date;
}

/** One TimelineJS 2 entry (of `date` or `era`) as a TimelineJS 3 slide. */
function slideOf(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const asset = own(entry, 'asset');
  const media = isRecord(asset) ? { url: own(asset, 'media'), caption: own(asset, 'caption'), credit: own(asset, 'credit') } : undefined;
  const slide: Record<string, unknown> = {
    start_date: datePartsOf(own(entry, 'startDate')),
    text: { headline: own(entry, 'headline'), text: own(entry, 'text') },
    media,
    group: own(entry, 'tag'),
  };
  const end = own(entry, 'endDate');
  if (end !== undefined && end !== null && end !== '') slide.end_date = datePartsOf(end);
  const id = own(entry, 'id');
  if (id !== undefined) slide.unique_id = id;
  return slide;
}

/** Reads a parsed TimelineJS 2 file. */
export function* readTimelineJs2(input: unknown, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): Steps<Dataset> {
  const timeline = (isRecord(input) ? own(input, 'timeline') : undefined) as Record<string, unknown>;
  const list = (key: string) => {
    const value = own(timeline, key);
    return Array.isArray(value) ? value : [];
  };
  const dates = list('date');
  const eras = list('era');
  const locateSlide: SlideLocator = ({ list: which, index }, part) => {
    const base = which === 'title' ? 'timeline' : `timeline.${which === 'eras' ? 'era' : 'date'}[${index}]`;
    if (!part) return { path: base };
    const found = PART_NAMES.find(([prefix]) => part === prefix || part.startsWith(prefix + '.'));
    return { path: `${base}.${found ? found[1] : part}` };
  };
  const title = { text: { headline: own(timeline, 'headline'), text: own(timeline, 'text') } };
  return yield* readSlides({ title, events: dates.map(slideOf), eras: eras.map(slideOf), dialect: 'timelinejs2' }, locateSlide, problems, options);
}
