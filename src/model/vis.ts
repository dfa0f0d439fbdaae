// Reads a vis-timeline item list (a list of items, or { items, groups }) and maps it onto native
// events: content (HTML) becomes the title, the title (the item's tooltip, HTML) the summary, start
// and end the dates, group the type (a group's content its label), and a background item a span of
// type "era". Links in content and title become sources. className, style and the rest are looks,
// not data, and are not read.
import { isRecord, own } from './fields.js';
import { EVENT_LIMIT, Normalizer, STEP, type Locator, type NormalizeOptions, type Steps } from './normalize.js';
import { FILE_PATH, count, quote, type ProblemList } from './problems.js';
import { findBareLinks, htmlToText } from './text.js';
import { ERA_TYPE, type Dataset } from './types.js';

/** Item fields by the native field each becomes. */
const ITEM_FIELDS: Record<string, string> = { title: 'content', summary: 'title', date: 'start', end: 'end', type: 'group', id: 'id', sources: 'content' };

/** Whether a list looks like vis-timeline items: most of its first items have `content` and `start`. */
export function isVisItemList(list: readonly unknown[]): boolean {
  let items = 0;
  let seen = 0;
  for (let i = 0; i < list.length && seen < 20; i++) {
    const item = own(list, i);
    if (!isRecord(item)) continue;
    seen++;
    if (Object.hasOwn(item, 'content') && Object.hasOwn(item, 'start') && !Object.hasOwn(item, 'date')) items++;
  }
  return seen > 0 && items * 2 > seen;
}

interface ItemMeta {
  sourceParts: string[];
}

/** Reads a vis-timeline item list (a bare list, or an object with `items` and `groups`). */
export function* readVisItems(input: unknown, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): Steps<Dataset> {
  const bare = Array.isArray(input);
  const items = (bare ? input : isRecord(input) ? own(input, 'items') : []) as unknown[];
  const prefix = bare ? '' : 'items';
  const locate: Locator = (draft, field, item) => {
    const base = `${prefix}[${draft.index}]`;
    if (!field) return { path: base };
    if (field === 'sources' && item !== undefined) return { path: `${base}.${(draft.meta as ItemMeta).sourceParts[item] ?? 'content'}` };
    return { path: `${base}.${ITEM_FIELDS[field] ?? field}` };
  };
  const normalizer = new Normalizer(problems, locate, { ...options, declareNewTypes: true });
  const dataset: Dataset = { types: normalizer.types, events: [] };

  const groups = bare || !isRecord(input) ? undefined : own(input, 'groups');
  if (Array.isArray(groups)) {
    groups.forEach((group, k) => {
      if (!isRecord(group)) return;
      const id = own(group, 'id');
      if (typeof id !== 'string' && typeof id !== 'number') return;
      const content = own(group, 'content');
      const label = typeof content === 'string' ? htmlToText(content).text : '';
      normalizer.declareType(String(id), label ? { label } : {}, { path: `groups[${k}]` });
    });
  }

  const total = Math.min(items.length, EVENT_LIMIT);
  if (items.length > EVENT_LIMIT) {
    problems.error({ path: FILE_PATH }, `There are ${count(items.length, 'item')}; the timeline reads at most ${EVENT_LIMIT.toLocaleString('en-US')}, so the rest are left out. Split the story into several timelines.`);
  }
  if (total === 0) {
    problems.error({ path: FILE_PATH }, 'There are no items. Add at least one item with content and a start.');
    return dataset;
  }
  for (let index = 0; index < total; index++) {
    const item = own(items, index);
    const meta: ItemMeta = { sourceParts: [] };
    normalizer.add(index, isRecord(item) ? itemDraft(item, { index, prefix }, meta, problems) : item, meta);
    if (index % STEP === STEP - 1) yield;
  }
  dataset.events = yield* normalizer.finish();
  return dataset;
}

/** One item as a native event draft (still unchecked). */
function itemDraft(item: Record<string, unknown>, { index, prefix }: { index: number; prefix: string }, meta: ItemMeta, problems: ProblemList): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const id = own(item, 'id');
  if (typeof id === 'string' || typeof id === 'number') fields.id = String(id);
  const contentValue = own(item, 'content');
  const tooltipValue = own(item, 'title');
  const content = typeof contentValue === 'string' ? htmlToText(contentValue) : { text: '', links: [] };
  const tooltip = typeof tooltipValue === 'string' ? htmlToText(tooltipValue) : { text: '', links: [] };
  if (contentValue !== undefined && contentValue !== null && typeof contentValue !== 'string') fields.title = contentValue;
  else if (content.text !== '') fields.title = content.text;
  else if (tooltip.text !== '') {
    fields.title = tooltip.text.split('\n', 1)[0].slice(0, 80);
    problems.add('warning', { path: `${prefix}[${index}].content` }, `This item has no content, so its title is taken from its title (tooltip): ${quote(fields.title as string)}. Give it content.`, { index, title: fields.title as string }, 'no-headline');
  } else fields.untitled = true;
  if (tooltip.text !== '') fields.summary = tooltip.text;
  fields.date = instant(own(item, 'start'));
  const end = instant(own(item, 'end'));
  if (end !== undefined && end !== null && end !== '') fields.end = end;
  const group = own(item, 'group');
  if (own(item, 'type') === 'background') fields.type = ERA_TYPE;
  else if (typeof group === 'string' || typeof group === 'number') fields.type = String(group);
  const sources: { url: string; title?: string }[] = [];
  const add = (url: string, part: string, title: string) => {
    sources.push(title ? { url, title } : { url });
    meta.sourceParts.push(part);
  };
  for (const link of content.links) add(link.href, 'content', link.text);
  for (const link of tooltip.links) add(link.href, 'title', link.text);
  for (const url of findBareLinks(tooltip.text)) if (!tooltip.links.some((link) => link.href === url)) add(url, 'title', '');
  fields.sources = sources;
  return fields;
}

/** A vis-timeline date: a number counts milliseconds since 1970 (as vis reads it), not a year. */
function instant(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value) : value;
}
