// Names from the data in more than one language (`labels`), and what the data says about each
// measure (`measures`): checked here, with problems that say where, so native.ts and normalize.ts
// only call in.
import { count, describe, quote, type ProblemList } from './problems.js';
import { cut } from './text.js';
import type { Dataset, LocalNames, MeasureInfo } from './types.js';

/** Most reporters highlighted in one measure's chart. */
export const HIGHLIGHT_LIMIT = 3;
/** Most measures the figure chart's switcher offers; a measure beyond them is charted when one of its events is chosen. */
export const MEASURE_LIMIT = 50;
/** Longest name kept (the same limit as a title). */
const NAME_LIMIT = 500;
/** Most measures or names read from one object. */
const ENTRY_LIMIT = 1_000;

/** The canonical form of a BCP 47 language tag (`AR-eg` → `ar-EG`), or null when it is not one. */
export function languageTag(text: string): string | null {
  const tag = text.trim();
  if (tag === '' || tag.length > 100) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The name of something for a language: the name for the exact tag, else for a shorter form of it
 * (`zh-Hant-TW` → `zh-Hant` → `zh`), else for any tag of the same base language, else `name`.
 */
export function localName(name: string, labels: Readonly<LocalNames> | undefined, locale: string | undefined): string {
  if (!labels || !locale) return name;
  const wanted = (languageTag(locale) ?? locale.trim()).toLowerCase();
  if (wanted === '') return name;
  let sameBase: string | undefined;
  const base = wanted.split('-')[0];
  const byTag = new Map<string, string>();
  for (const key of Object.keys(labels)) {
    const value = labels[key];
    if (typeof value !== 'string' || value === '') continue;
    const lower = key.toLowerCase();
    if (!byTag.has(lower)) byTag.set(lower, value);
    if (sameBase === undefined && lower.split('-')[0] === base) sameBase = value;
  }
  const subtags = wanted.split('-');
  while (subtags.length > 0) {
    const found = byTag.get(subtags.join('-'));
    if (found !== undefined) return found;
    subtags.pop();
    // A single-letter subtag (an extension such as -u-) means nothing without what follows it.
    if (subtags.length > 0 && subtags[subtags.length - 1].length === 1) subtags.pop();
  }
  return sameBase ?? name;
}

/** `.name`, or `["odd name"]` when the name is not a plain word: how paths name a key. */
export function keyPath(name: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets a key as an ordinary property, even one called "__proto__". */
function put<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Reads a `labels` object (language tag → name) found at `path`; `what` names its owner in
 * messages ("type \"agreement\""). Tags are kept in canonical form; undefined when none is usable.
 */
export function readLocalNames(value: unknown, path: string, what: string, problems: ProblemList): LocalNames | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    problems.error({ path }, `The labels of ${what} should be an object of language tags and names, like {"ar": "…", "fr": "…"}; found ${describe(value)}. They are not used.`);
    return undefined;
  }
  const names: LocalNames = {};
  const writtenAs = new Map<string, string>();
  const keys = Object.keys(value);
  if (keys.length > ENTRY_LIMIT) problems.warning({ path }, `The labels of ${what} name ${count(keys.length, 'language')}; only the first ${ENTRY_LIMIT.toLocaleString('en-US')} are read.`);
  for (const key of keys.slice(0, ENTRY_LIMIT)) {
    const at = { path: path + keyPath(key) };
    const text = value[key];
    if (text === undefined || text === null) continue;
    if (typeof text !== 'string') {
      problems.error(at, `The ${quote(key)} label of ${what} should be text; found ${describe(text)}. It is not used.`);
      continue;
    }
    const tag = languageTag(key);
    if (tag === null) {
      problems.warning(at, `${quote(key)} is not a language tag, so this label of ${what} is not used. Use a BCP 47 tag like "ar", "fr" or "pt-BR".`);
      continue;
    }
    const name = text.trim();
    if (name === '') continue;
    if (name.length > NAME_LIMIT) problems.warning(at, `The ${quote(key)} label of ${what} is ${count(name.length, 'character')} long; it is cut to ${NAME_LIMIT}.`);
    const earlier = writtenAs.get(tag);
    if (earlier !== undefined) problems.warning(at, `The labels of ${what} give ${quote(tag)} twice (as ${quote(earlier)} and ${quote(key)}); the later one is used.`);
    writtenAs.set(tag, key);
    put(names, tag, cut(name, NAME_LIMIT));
  }
  return Object.keys(names).length > 0 ? names : undefined;
}

/** Case and spacing do not make a different measure or reporter. */
function sameName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Where each declared measure and each name in its `highlight` was found, for later messages. */
const places = new WeakMap<MeasureInfo, { path: string; highlight: string[] }>();

/** Reads the top-level `measures` (figure label → labels and highlight); undefined when none is usable. */
export function readMeasures(value: unknown, problems: ProblemList): Record<string, MeasureInfo> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    problems.error({ path: 'measures' }, `"measures" should be an object keyed by the figures' label, like {"Killed in Gaza": {"labels": {"ar": "…"}, "highlight": ["Gaza Ministry of Health"]}}; found ${describe(value)}. It is not used.`);
    return undefined;
  }
  const measures: Record<string, MeasureInfo> = {};
  const byName = new Map<string, string>();
  const keys = Object.keys(value);
  if (keys.length > ENTRY_LIMIT) problems.warning({ path: 'measures' }, `There are ${count(keys.length, 'measure')}; only the first ${ENTRY_LIMIT.toLocaleString('en-US')} are read.`);
  for (const key of keys.slice(0, ENTRY_LIMIT)) {
    const path = 'measures' + keyPath(key);
    const name = cut(key.trim(), NAME_LIMIT);
    if (name === '') {
      problems.error({ path }, 'A measure has an empty name, so it is not used. Name it as its figures\' "label" is written, like "Killed in Gaza".');
      continue;
    }
    const fields = value[key];
    const info: MeasureInfo = {};
    const highlightPaths: string[] = [];
    if (fields !== undefined && fields !== null) {
      if (!isPlainObject(fields)) {
        problems.error({ path }, `The measure ${quote(name)} should be described as an object like {"labels": {"ar": "…"}, "highlight": ["…"]}; found ${describe(fields)}. It is not used.`);
        continue;
      }
      const labels = readLocalNames(fields.labels, `${path}.labels`, `measure ${quote(name)}`, problems);
      if (labels) info.labels = labels;
      const highlight = readHighlight(fields.highlight, `${path}.highlight`, name, problems, highlightPaths);
      if (highlight) info.highlight = highlight;
    }
    const earlier = byName.get(sameName(name));
    if (earlier !== undefined) {
      problems.warning({ path }, `The measure ${quote(name)} is declared twice; the later one is used.`);
      delete measures[earlier];
    }
    byName.set(sameName(name), name);
    places.set(info, { path, highlight: highlightPaths });
    put(measures, name, info);
  }
  return Object.keys(measures).length > 0 ? measures : undefined;
}

function readHighlight(value: unknown, path: string, measure: string, problems: ProblemList, paths: string[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    problems.error({ path }, `The highlight of measure ${quote(measure)} should be a list of reporters, like ["Gaza Ministry of Health"]; found ${describe(value)}. It is not used.`);
    return undefined;
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < value.length; k++) {
    const at = { path: `${path}[${k}]` };
    const item: unknown = value[k];
    if (typeof item !== 'string') {
      problems.error(at, `Each highlighted reporter should be text, as written in the figures' "reportedBy"; found ${describe(item)}.`);
      continue;
    }
    const name = item.trim();
    if (name === '' || seen.has(sameName(name))) continue;
    if (names.length === HIGHLIGHT_LIMIT) {
      problems.warning(at, `A chart highlights at most ${HIGHLIGHT_LIMIT} reporters, so ${quote(name)} and any after it are shown as other reports of measure ${quote(measure)}.`);
      break;
    }
    seen.add(sameName(name));
    names.push(cut(name, NAME_LIMIT));
    paths.push(at.path);
  }
  return names.length > 0 ? names : undefined;
}

/**
 * Checks the declared measures against the figures once the events are read: a measure is keyed
 * by its figures' label as the figures write it, and keeps only the highlighted reporters that
 * report it; anything that matches no figure is reported.
 */
export function checkMeasures(dataset: Dataset, problems: ProblemList): void {
  const declared = dataset.measures;
  if (!declared) return;
  const found = new Map<string, { label: string; reporters: Map<string, string> }>();
  for (const event of dataset.events) {
    for (const figure of event.figures ?? []) {
      const key = sameName(figure.label);
      let measure = found.get(key);
      if (!measure) found.set(key, (measure = { label: figure.label.trim(), reporters: new Map() }));
      const reporter = sameName(figure.reportedBy);
      if (reporter !== '' && !measure.reporters.has(reporter)) measure.reporters.set(reporter, figure.reportedBy.trim());
    }
  }
  const checked: Record<string, MeasureInfo> = {};
  for (const name of Object.keys(declared)) {
    const info = declared[name];
    const place = places.get(info) ?? { path: 'measures' + keyPath(name), highlight: [] };
    const measure = found.get(sameName(name));
    if (!measure) {
      problems.warning({ path: place.path }, `No figure has the label ${quote(name)}, so what "measures" says about it is not used. Check that it is written as in the figures' "label".`);
      put(checked, name, info);
      continue;
    }
    if (info.highlight) {
      const kept: string[] = [];
      info.highlight.forEach((reporter, k) => {
        const written = measure.reporters.get(sameName(reporter));
        if (written !== undefined) kept.push(written);
        else problems.warning({ path: place.highlight[k] ?? `${place.path}.highlight` }, `No figure ${quote(measure.label)} is reported by ${quote(reporter)}, so it cannot be highlighted. Write the reporter as in the figures' "reportedBy".`);
      });
      if (kept.length > 0) info.highlight = kept;
      else delete info.highlight;
    }
    put(checked, measure.label, info);
  }
  dataset.measures = checked;
}

/**
 * Warns when the figures name more measures (labels) than the figure chart's switcher offers:
 * the first `MEASURE_LIMIT` (the declared ones, then the most reported) are offered, and every
 * figure is still shown with its event.
 */
export function checkMeasureCount(dataset: Dataset, problems: ProblemList): void {
  // Labels as written first (most figures repeat a few), then told apart as measures are.
  const written = new Set<string>();
  for (const event of dataset.events) for (const figure of event.figures ?? []) written.add(figure.label);
  if (written.size <= MEASURE_LIMIT) return;
  const labels = new Set([...written].map(sameName));
  if (labels.size <= MEASURE_LIMIT) return;
  problems.warning(
    { path: 'events' },
    `The figures have ${count(labels.size, 'different label')}, each a measure of its own; the figure chart's switcher offers ${MEASURE_LIMIT} of them (those declared in "measures" first, then the most reported). Every figure is still shown with its event, and the chart shows another measure when one of its events is selected.`,
  );
}
