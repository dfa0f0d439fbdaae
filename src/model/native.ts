// Reads the native format (version 1): an object with title, description, types and events, or a
// bare list of events. Field names are those of TimelineEvent, or the other names the CSV reader
// knows too (location, link, source…: fields.ts); unknown fields are ignored so that files written
// for a later version still load.
import { isRecord, own, renameFields, type RenamedFields } from './fields.js';
import { EVENT_LIMIT, Normalizer, STEP, TEXT_LIMIT, TITLE_LIMIT, type Locator, type NormalizeOptions, type Steps } from './normalize.js';
import { checkMeasures, keyPath, readMeasures } from './names.js';
import { FILE_PATH, count, describe, type ProblemList } from './problems.js';
import { cut } from './text.js';
import type { Dataset } from './types.js';

/** Most types read from `types`. */
const TYPE_LIMIT = 1_000;

/** Reads a parsed native document (object or bare array) into a dataset; problems go to `problems`. */
export function* readNative(input: unknown, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): Steps<Dataset> {
  const bare = Array.isArray(input);
  const prefix = bare ? '' : 'events';
  const locate: Locator = (draft, field, item, key) => {
    let path = `${prefix}[${draft.index}]`;
    const renamed = draft.meta as RenamedFields | undefined;
    const name = field && renamed?.names[field];
    if (name) {
      // A field given under another name is named as written: "location", "link", "figure_value".
      const flat = field === 'sources' ? renamed.sourceParts : field === 'figures' ? renamed.figureParts : undefined;
      if (flat) return { path: `${path}.${(key && flat[key]) || name}` };
      path += '.' + name;
      if (item !== undefined && Array.isArray(own(draft.fields as object, name))) path += `[${item}]`;
      if (key) path += '.' + key;
      return { path };
    }
    if (field) path += '.' + field;
    if (item !== undefined) path += `[${item}]`;
    if (key) path += '.' + key;
    return { path };
  };
  const normalizer = new Normalizer(problems, locate, { ...options, declareNewTypes: false });
  const dataset: Dataset = { types: normalizer.types, events: [] };

  let events: unknown;
  if (bare) events = input;
  else if (typeof input === 'object' && input !== null) {
    const doc = input;
    const title = topText(own(doc, 'title'), 'title', TITLE_LIMIT, problems);
    if (title) dataset.title = title;
    const description = topText(own(doc, 'description'), 'description', TEXT_LIMIT, problems);
    if (description) dataset.description = description;
    readTypes(own(doc, 'types'), normalizer, problems);
    const measures = readMeasures(own(doc, 'measures'), problems);
    if (measures) dataset.measures = measures;
    events = own(doc, 'events');
    if (events === undefined || events === null) {
      const keys = Object.keys(doc).slice(0, 8).map((key) => `"${key}"`).join(', ');
      problems.error({ path: 'events' }, `There is no "events" list in this file${keys ? ` (it has ${keys})` : ''}. A timeline file needs "events": [ … ], or can be just a list of events.`);
      return dataset;
    }
  } else {
    problems.error({ path: FILE_PATH }, `The data should be a timeline: an object with "events", or a list of events; found ${describe(input)}.`);
    return dataset;
  }

  if (!Array.isArray(events)) {
    problems.error({ path: 'events' }, `"events" should be a list, like [{"date": "2025-10-06", "title": "…"}]; found ${describe(events)}.`);
    return dataset;
  }
  if (events.length === 0) {
    problems.error({ path: bare ? FILE_PATH : 'events' }, 'There are no events. Add at least one event with a date and a title.');
    return dataset;
  }
  const total = Math.min(events.length, EVENT_LIMIT);
  if (events.length > EVENT_LIMIT) {
    problems.error({ path: bare ? FILE_PATH : 'events' }, `There are ${count(events.length, 'event')}; the timeline reads at most ${EVENT_LIMIT.toLocaleString('en-US')}, so the rest are left out. Split the story into several timelines.`);
  }
  for (let index = 0; index < total; index++) {
    const event = own(events, index);
    const renamed = isRecord(event) ? renameFields(event) : undefined;
    if (renamed) normalizer.add(index, renamed.fields, renamed);
    else normalizer.add(index, event);
    if (index % STEP === STEP - 1) yield;
  }
  dataset.events = yield* normalizer.finish();
  checkMeasures(dataset, problems);
  return dataset;
}

function topText(value: unknown, field: string, limit: number, problems: ProblemList): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.error({ path: field }, `The ${field} of the timeline should be text; found ${describe(value)}. It is not used.`);
    return undefined;
  }
  const text = value.trim();
  if (text.length > limit) {
    problems.warning({ path: field }, `The ${field} of the timeline is ${count(text.length, 'character')} long; it is cut to ${limit.toLocaleString('en-US')}.`);
    return cut(text, limit);
  }
  return text || undefined;
}

function readTypes(value: unknown, normalizer: Normalizer, problems: ProblemList): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.error({ path: 'types' }, `"types" should be an object that names each type, like {"agreement": {"label": "Agreements", "color": "#2a7d4f"}}; found ${describe(value)}. It is not used.`);
    return;
  }
  const names = Object.keys(value);
  if (names.length > TYPE_LIMIT) {
    problems.warning({ path: 'types' }, `There are ${count(names.length, 'type')}; only the first ${TYPE_LIMIT.toLocaleString('en-US')} are read.`);
  }
  for (const name of names.slice(0, TYPE_LIMIT)) {
    normalizer.declareType(name, own(value, name), { path: 'types' + keyPath(name) });
  }
}

