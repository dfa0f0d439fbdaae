// Reads Knight Lab TimelineJS data (JSON, or rows of its spreadsheet template turned into the same
// slides by csv.ts) and maps it onto native events: start_date/end_date parts become dates at the
// precision of the parts present, headline and text (HTML) become plain title and summary, media
// and the links in text, caption and credit become sources, group becomes the type, eras become
// spans of type "era", and the title slide gives the timeline its title and description.
//
// TimelineJS counts years before 1 as BCE: its year -44 is 44 BCE, which ISO 8601 (and so the
// native format) writes -0043, as year 0 is 1 BCE there. A slide without a headline is kept: its
// title comes from its text, the caption or credit of its media, or the quote in its media, and
// when nothing names it, it is untitled (an empty title and `untitled`, worded by the widget).
import { dateFromParts, type DateParse, type DateParts } from './dates.js';
import { EVENT_LIMIT, Normalizer, ReadDate, STEP, TEXT_LIMIT, TITLE_LIMIT, type Locator, type NormalizeOptions, type Steps } from './normalize.js';
import { FILE_PATH, count, describe, quote, type Place, type ProblemList } from './problems.js';
import { isRecord, own } from './fields.js';
import { cut, findBareLinks, htmlToText } from './text.js';
import { ERA_TYPE, type Dataset, type ProblemKind } from './types.js';
import { safeUrl, webLink } from './urls.js';

/** Which slide: an event, an era or the title slide, by its position in its list. */
export interface SlideRef {
  list: 'events' | 'eras' | 'title';
  index: number;
}

/** Where a part of a slide is (`start_date.month`, `media.url`…); none for the slide itself. */
export type SlideLocator = (slide: SlideRef, part?: string) => Place;

/** TimelineJS slides, from JSON or from spreadsheet rows. */
export interface SlideSet {
  title?: unknown;
  events: unknown[];
  eras: unknown[];
  /**
   * How the data names things in messages: JSON parts (`start_date.year`), spreadsheet columns,
   * or TimelineJS 2's names (`startDate`).
   */
  dialect: 'json' | 'csv' | 'timelinejs2';
}

/** Set by csv.ts on a date whose Time cell could not be read, with the reason. */
export const TIME_ERROR = Symbol('time error');
/** Set on a date that could not be read into parts at all (a TimelineJS 2 date text), with the reason. */
export const DATE_ERROR = Symbol('date error');

interface SlideMeta {
  ref: SlideRef;
  sourceParts: string[];
}

const PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const;
const FIELD_PARTS: Record<string, string> = {
  title: 'text.headline',
  summary: 'text.text',
  date: 'start_date',
  end: 'end_date',
  type: 'group',
  id: 'unique_id',
  sources: 'media.url',
};

const isObject = isRecord;

/** Reads a parsed TimelineJS JSON document ({title, events, eras}, or a bare list of slides). */
export function* readTimelineJs(input: unknown, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): Steps<Dataset> {
  const bare = Array.isArray(input);
  const doc: Record<string, unknown> = bare ? { events: input } : isObject(input) ? input : {};
  const locateSlide: SlideLocator = ({ list, index }, part) => {
    const base = list === 'title' ? 'title' : bare ? `[${index}]` : `${list}[${index}]`;
    return { path: part ? `${base}.${part}` : base };
  };
  let events = own(doc, 'events');
  let eras = own(doc, 'eras');
  if (events !== undefined && events !== null && !Array.isArray(events)) {
    problems.error({ path: 'events' }, `"events" should be a list of slides; found ${describe(events)}.`);
    events = [];
  }
  if (eras !== undefined && eras !== null && !Array.isArray(eras)) {
    problems.error({ path: 'eras' }, `"eras" should be a list; found ${describe(eras)}.`);
    eras = [];
  }
  return yield* readSlides({ title: own(doc, 'title'), events: (events as unknown[]) ?? [], eras: (eras as unknown[]) ?? [], dialect: 'json' }, locateSlide, problems, options);
}

/** Turns TimelineJS slides into a dataset. */
export function* readSlides(slides: SlideSet, locateSlide: SlideLocator, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): Steps<Dataset> {
  const locate: Locator = (draft, field, item) => {
    const meta = draft.meta as SlideMeta;
    if (!field) return locateSlide(meta.ref);
    if (field === 'sources' && item !== undefined && meta.sourceParts[item]) return locateSlide(meta.ref, meta.sourceParts[item]);
    if (field === 'type' && meta.ref.list === 'eras') return locateSlide(meta.ref);
    return locateSlide(meta.ref, FIELD_PARTS[field] ?? field);
  };
  const normalizer = new Normalizer(problems, locate, { ...options, declareNewTypes: true });
  const dataset: Dataset = { types: normalizer.types, events: [] };

  if (typeof slides.title === 'string' && slides.title.trim() !== '') {
    dataset.title = cut(slides.title.trim(), TITLE_LIMIT);
  } else if (isObject(slides.title) && isObject(own(slides.title, 'text'))) {
    const titleText = own(slides.title, 'text') as object;
    const headline = own(titleText, 'headline');
    const text = own(titleText, 'text');
    const title = typeof headline === 'string' ? htmlToText(headline).text : '';
    const description = typeof text === 'string' ? htmlToText(text).text : '';
    if (title) dataset.title = cut(title, TITLE_LIMIT);
    if (description) dataset.description = cut(description, TEXT_LIMIT);
  }

  const total = slides.events.length + slides.eras.length;
  if (total === 0) {
    problems.error({ path: slides.dialect === 'csv' ? FILE_PATH : 'events' }, 'There are no events. Add at least one slide with a date and a headline.');
    return dataset;
  }
  if (total > EVENT_LIMIT) {
    problems.error({ path: FILE_PATH }, `There are ${count(total, 'event')}; the timeline reads at most ${EVENT_LIMIT.toLocaleString('en-US')}, so the rest are left out. Split the story into several timelines.`);
  }
  if (slides.eras.length > 0) normalizer.declareType(ERA_TYPE, {}, locateSlide({ list: 'eras', index: 0 }));
  const eventCount = Math.min(slides.events.length, EVENT_LIMIT);
  for (let index = 0; index < eventCount; index++) {
    const draft = slideDraft(own(slides.events, index), { list: 'events', index }, index, slides.dialect, locateSlide, problems, options.baseUrl);
    normalizer.add(draft.index, draft.fields, draft.meta);
    if (index % STEP === STEP - 1) yield;
  }
  const eraCount = Math.min(slides.eras.length, EVENT_LIMIT - eventCount);
  for (let index = 0; index < eraCount; index++) {
    const draft = slideDraft(own(slides.eras, index), { list: 'eras', index }, eventCount + index, slides.dialect, locateSlide, problems, options.baseUrl);
    normalizer.add(draft.index, draft.fields, draft.meta);
    if (index % STEP === STEP - 1) yield;
  }
  dataset.events = yield* normalizer.finish();
  return dataset;
}

/** One slide as a native event draft (still unchecked). */
function slideDraft(
  slide: unknown,
  ref: SlideRef,
  index: number,
  dialect: SlideSet['dialect'],
  locateSlide: SlideLocator,
  problems: ProblemList,
  baseUrl?: string,
): { index: number; fields: unknown; meta: SlideMeta } {
  const meta: SlideMeta = { ref, sourceParts: [] };
  if (!isObject(slide)) return { index, fields: slide, meta };
  const fields: Record<string, unknown> = {};
  const warn = (part: string | undefined, message: string, kind?: ProblemKind) =>
    problems.add('warning', locateSlide(ref, part), message, { index, title: typeof fields.title === 'string' ? fields.title : undefined }, kind);
  const era = ref.list === 'eras';
  const textPart = own(slide, 'text');
  const mediaPart = own(slide, 'media');
  const text = isObject(textPart) ? textPart : {};
  const media = isObject(mediaPart) ? mediaPart : {};
  const html = (value: unknown) => (typeof value === 'string' ? htmlToText(value) : { text: '', links: [] });
  const headlineValue = own(text, 'headline');
  const headline = html(headlineValue);
  const body = html(own(text, 'text'));
  const caption = html(own(media, 'caption'));
  const credit = html(own(media, 'credit'));
  const mediaValue = own(media, 'url');
  const mediaUrl = typeof mediaValue === 'string' ? mediaValue.trim() : '';
  // Embed code (a tweet's blockquote, a quote, an iframe): its text and the links in it.
  const embed = mediaUrl.startsWith('<') ? htmlToText(mediaUrl) : undefined;

  const id = own(slide, 'unique_id');
  if (typeof id === 'string' || typeof id === 'number') fields.id = String(id);

  if (headlineValue !== undefined && headlineValue !== null && typeof headlineValue !== 'string') fields.title = headlineValue;
  else if (headline.text !== '') fields.title = headline.text;
  else {
    // TimelineJS shows a slide without a headline; so does the timeline, named by what it has.
    const named = ([[body.text, 'its text'], [caption.text, 'the caption of its media'], [credit.text, 'the credit of its media'], [embed?.text ?? '', 'the quote in its media']] as const)
      .find(([words]) => words !== '');
    if (named) {
      fields.title = firstWords(named[0]);
      warn('text.headline', `This ${era ? 'era' : 'slide'} has no headline, so its title is taken from ${named[1]}: ${quote(fields.title as string)}. Give it a headline.`, 'no-headline');
    } else fields.untitled = true;
  }
  if (body.text) fields.summary = body.text;

  const columns = dialect === 'csv';
  fields.date = slideDate(own(slide, 'start_date'), 'start_date', ref, locateSlide, dialect, true, warn);
  const endDate = own(slide, 'end_date');
  if (endDate !== undefined && endDate !== null && endDate !== '') {
    fields.end = slideDate(endDate, 'end_date', ref, locateSlide, dialect, false, warn);
  } else if (era) {
    const name = columns ? 'End Year' : dialect === 'timelinejs2' ? 'endDate' : 'end_date';
    warn(columns ? 'end_date' : undefined, `This era has no ${name}, so it is shown as a single point in time.`);
  }

  const group = own(slide, 'group');
  if (era) fields.type = ERA_TYPE;
  else if (typeof group === 'string' || typeof group === 'number') fields.type = String(group);

  const sources: Record<string, unknown>[] = [];
  const addSource = (url: string, part: string, title?: string, publisher?: string) => {
    const trimmed = url.trim();
    // In-page anchors and mail links are not where a fact was reported.
    if (trimmed === '' || trimmed.startsWith('#') || /^(mailto|tel|sms):/i.test(trimmed)) return;
    const source: Record<string, unknown> = { url: trimmed };
    if (title) source.title = title;
    const publisherName = publisher || hostOf(trimmed, baseUrl);
    if (publisherName) source.publisher = publisherName;
    sources.push(source);
    meta.sourceParts.push(part);
  };
  if (embed) {
    for (const link of embed.links) addSource(link.href, 'media.url', caption.text || link.text || undefined, credit.text || undefined);
  } else if (/^(https?:)?\/\/|^www\./i.test(mediaUrl) || typeof webLink(mediaUrl) === 'string') {
    // The media is a source when it is a web address (one that is refused, such as a link with a
    // user name before "@", is said so); a picture's file name or a line of text is not.
    addSource(mediaUrl, 'media.url', caption.text || undefined, credit.text || undefined);
  }
  for (const link of headline.links) addSource(link.href, 'text.headline', link.text || undefined);
  for (const link of body.links) addSource(link.href, 'text.text', link.text || undefined);
  for (const url of findBareLinks(body.text)) {
    if (!body.links.some((link) => link.href === url)) addSource(url, 'text.text');
  }
  for (const link of caption.links) addSource(link.href, 'media.caption', link.text || undefined);
  for (const link of credit.links) addSource(link.href, 'media.credit', caption.text || undefined, credit.text || link.text || undefined);
  fields.sources = sources;
  return { index, fields, meta };
}

/** The first words of a text, for a title: up to the first line break, at most 80 characters. */
function firstWords(text: string): string {
  const line = text.split('\n', 1)[0].trim();
  if (line.length <= 80) return line;
  const space = line.lastIndexOf(' ', 79);
  return line.slice(0, space > 40 ? space : 79) + '…';
}

function hostOf(url: string, baseUrl?: string): string | undefined {
  const safe = safeUrl(url, baseUrl);
  if (!safe) return undefined;
  return new URL(safe).hostname.replace(/^www\./, '');
}

/** A whole number from a date part, as TimelineJS accepts it: a number, or text like "1,815" or " 08 ". */
function partNumber(value: unknown): number | undefined | { bad: string } {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : { bad: describe(value) };
  if (typeof value !== 'string') return { bad: describe(value) };
  if (value.length > 40) return { bad: describe(value) };
  const clean = value.replace(/[\s,]+/g, '');
  if (clean === '') return undefined;
  if (!/^[+-]?\d+$/.test(clean)) return { bad: quote(value.trim()) };
  return Number(clean);
}

const COLUMN_NAMES: Record<string, Record<string, string>> = {
  start_date: { year: 'Year', month: 'Month', day: 'Day', hour: 'Time', minute: 'Time', second: 'Time', millisecond: 'Time' },
  end_date: { year: 'End Year', month: 'End Month', day: 'End Day', hour: 'End Time', minute: 'End Time', second: 'End Time', millisecond: 'End Time' },
};

/** Reads a TimelineJS date object ({year, month, day, hour, minute, second, millisecond}). */
function slideDate(
  value: unknown,
  key: 'start_date' | 'end_date',
  ref: SlideRef,
  locateSlide: SlideLocator,
  dialect: SlideSet['dialect'],
  required: boolean,
  warn: (part: string, message: string) => void,
): ReadDate | undefined {
  const columns = dialect === 'csv';
  const start = key === 'start_date';
  const what = dialect === 'timelinejs2' ? (start ? 'startDate' : 'endDate') : start ? (columns ? 'date' : 'start_date') : columns ? 'end date' : 'end_date';
  const partName = (part: string) => (columns ? COLUMN_NAMES[key][part] : `${key}.${part}`);
  const fail = (message: string, part?: string) =>
    new ReadDate({ error: message }, locateSlide(ref, part ? `${key}.${part}` : key));
  if (value === undefined || value === null || value === '') {
    if (!required) return undefined;
    if (columns) return fail('This row has no Year. Every event needs at least a year.');
    return fail(dialect === 'timelinejs2'
      ? 'This slide has no startDate. Every event needs at least a year, like "startDate": "2012,1,26".'
      : `This slide has no start_date. Every event needs at least a year, like "start_date": {"year": "2025"}.`);
  }
  if (!isObject(value)) return fail(`The ${what} should be an object like {"year": "2025", "month": "10", "day": "6"}; found ${describe(value)}.`);
  const timeError = (value as Record<symbol, unknown>)[TIME_ERROR];
  if (typeof timeError === 'string') return fail(timeError, 'hour');
  const dateError = (value as Record<symbol, unknown>)[DATE_ERROR];
  if (typeof dateError === 'string') return fail(dateError);

  const parts: Partial<Record<(typeof PARTS)[number], number>> = {};
  for (const part of PARTS) {
    const read = partNumber(own(value, part));
    if (typeof read === 'object') return fail(`The ${partName(part)} should be a whole number; found ${read.bad}.`, part);
    if (read !== undefined) parts[part] = read;
  }
  if (parts.year === undefined) {
    return fail(columns ? `This row has no ${partName('year')}. Every date needs at least a year.` : `The ${what} has no year. Every date needs at least a year, like {"year": "2025"}.`, 'year');
  }
  const notes: string[] = [];
  if (parts.month === undefined && parts.day !== undefined) {
    notes.push(`the ${what} has a day but no month, so only the year is used`);
    delete parts.day;
  }
  if (parts.day === undefined && (parts.hour !== undefined || parts.minute !== undefined)) {
    notes.push(`the ${what} has a time but no day, so the time is not used`);
    delete parts.hour;
    delete parts.minute;
    delete parts.second;
    delete parts.millisecond;
  }
  if (parts.hour === undefined) {
    delete parts.minute;
    delete parts.second;
    delete parts.millisecond;
  }
  const written = PARTS.filter((part) => parts[part] !== undefined).map((part) => `${part} ${parts[part]}`).join(', ');
  // TimelineJS's -44 is 44 BCE, ISO 8601's -0043; there is no year 0 between 1 BCE and 1 CE.
  if (parts.year === 0) {
    warn(`${key}.year`, `There is no year 0 between 1 BCE and 1 CE: the year 0 is read as 1 BCE. Write -1 for 1 BCE or 1 for 1 CE.`);
  } else if (parts.year < 0) parts.year += 1;
  const result: DateParse = dateFromParts(parts as DateParts);
  if ('error' in result) {
    return fail(`The ${what} (${written}) is not a valid date: ${result.error}.`, partOfError(result.error));
  }
  if (result.note) notes.push(result.note);
  if (notes.length) result.note = notes.join('; ');
  return new ReadDate(result, locateSlide(ref, key));
}

/** The date part a calendar error is about, so the problem points at it. */
function partOfError(reason: string): string | undefined {
  if (reason.startsWith('month')) return 'month';
  if (reason.startsWith('day') || reason.includes('days')) return 'day';
  if (reason.startsWith('hour')) return 'hour';
  if (reason.startsWith('minute')) return 'minute';
  if (reason.startsWith('second')) return 'second';
  if (reason.startsWith('millisecond')) return 'millisecond';
  return 'year';
}
