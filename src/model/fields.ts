// Field names: the one table of other names editors give the native fields (CSV headers and JSON
// events read it alike), and reading only a data object's own fields.

/**
 * A data object's own field. What a page adds to every object (`Object.prototype.summary = …`)
 * is not the data's, and is never read.
 */
export function own(object: object, key: string | number): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string | number, unknown>)[key] : undefined;
}

/** Whether a value is an object with fields (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The native fields, flat (a source's and a figure's parts are fields of their own, as CSV has a
 * column for each), and every name each is read under, the native name first. CSV headers are
 * matched against these without regard to case, spaces or dashes; JSON events by the names as
 * written here.
 */
export const FIELD_NAMES = {
  id: ['id'],
  date: ['date', 'start', 'start_date'],
  end: ['end', 'end_date'],
  type: ['type'],
  title: ['title'],
  summary: ['summary', 'description'],
  place: ['place', 'location'],
  source_url: ['source_url', 'url', 'link', 'source_link', 'source'],
  source_title: ['source_title'],
  publisher: ['publisher', 'source_publisher'],
  source_date: ['source_date'],
  figure_label: ['figure_label'],
  figure_value: ['figure_value'],
  figure_qualifier: ['figure_qualifier'],
  reported_by: ['reported_by', 'reportedby', 'figure_reported_by'],
} as const satisfies Record<string, readonly string[]>;

export type FlatField = keyof typeof FIELD_NAMES;

/** Every accepted name (lower case, "_" for spaces and dashes) and the flat field it stands for. */
export const FIELD_BY_NAME: ReadonlyMap<string, FlatField> = new Map(
  (Object.keys(FIELD_NAMES) as FlatField[]).flatMap((field) => FIELD_NAMES[field].map((name) => [name, field] as const)),
);

/** The parts of a source and of a figure, and the flat field each is read from. */
export const SOURCE_PARTS = { url: 'source_url', title: 'source_title', publisher: 'publisher', date: 'source_date' } as const;
export const FIGURE_PARTS = { label: 'figure_label', value: 'figure_value', qualifier: 'figure_qualifier', reportedBy: 'reported_by' } as const;

/** Where the fields of a JSON event given under other names were: native field (or source/figure part) → name as written. */
export interface RenamedFields {
  fields: Record<string, unknown>;
  /** `place` → `location`; `sources` → `source` (a source object or list given as "source"). */
  names: Record<string, string>;
  /** A source given as flat fields (`link`, `source_title`…): its part → the name it was under. */
  sourceParts?: Record<string, string>;
  /** A figure given as flat fields (`figure_value`…): its part → the name it was under. */
  figureParts?: Record<string, string>;
}

const RENAMED_EVENT_FIELDS = ['date', 'end', 'summary', 'place'] as const;

/** The first of `names` the object has a value under (not null), with that name. */
function firstOf(object: object, names: readonly string[]): [string, unknown] | undefined {
  for (const name of names) {
    const value = own(object, name);
    if (value !== undefined && value !== null && value !== '') return [name, value];
  }
  return undefined;
}

/**
 * A JSON event with fields under other names (`location`, `link`, `source`, `start`…) given their
 * native names, as the CSV reader reads the same names in a header; undefined when it has none.
 * A native name that is present wins over the others.
 */
export function renameFields(event: Record<string, unknown>): RenamedFields | undefined {
  let renamed: RenamedFields | undefined;
  const take = (field: string, name: string, value: unknown) => {
    renamed ??= { fields: { ...event }, names: {} };
    renamed.fields[field] = value;
    renamed.names[field] = name;
  };
  for (const field of RENAMED_EVENT_FIELDS) {
    const value = own(event, field);
    if (value !== undefined && value !== null && value !== '') continue;
    const found = firstOf(event, FIELD_NAMES[field].slice(1));
    if (found) take(field, found[0], found[1]);
  }
  if (own(event, 'sources') === undefined || own(event, 'sources') === null) {
    const source = own(event, 'source');
    if (Array.isArray(source)) take('sources', 'source', source);
    else if (isRecord(source)) take('sources', 'source', [source]);
    else {
      const parts = flatItem(event, SOURCE_PARTS);
      if (parts) {
        take('sources', parts.names.url ?? parts.names.title ?? 'source', [parts.item]);
        renamed!.sourceParts = parts.names;
      }
    }
  }
  if (own(event, 'figures') === undefined || own(event, 'figures') === null) {
    const parts = flatItem(event, FIGURE_PARTS);
    if (parts) {
      take('figures', parts.names.value ?? parts.names.label ?? 'figure_value', [parts.item]);
      renamed!.figureParts = parts.names;
    }
  }
  return renamed;
}

/** One source or figure from flat fields, or undefined when the event has none of them. */
function flatItem(event: object, parts: Record<string, FlatField>): { item: Record<string, unknown>; names: Record<string, string> } | undefined {
  let found: { item: Record<string, unknown>; names: Record<string, string> } | undefined;
  for (const [part, field] of Object.entries(parts)) {
    const hit = firstOf(event, FIELD_NAMES[field]);
    if (!hit) continue;
    found ??= { item: {}, names: {} };
    found.item[part] = hit[1];
    found.names[part] = hit[0];
  }
  return found;
}
