/** How precisely a date is known. It drives how the date is shown and drawn. */
export type Precision = 'year' | 'month' | 'day' | 'time';

/** A link to where a fact was reported. `url` is always an absolute http(s) URL. */
export interface Source {
  url: string;
  title?: string;
  publisher?: string;
  /** ISO date as given in the data, shown as written. */
  date?: string;
}

/** A reported number: who reported it is part of the fact. */
export interface Figure {
  label: string;
  value: number;
  /** "more than", "about", "at least"… shown before the number. */
  qualifier?: string;
  /** Who reported the number. Empty when the data does not say (never guessed from a source). */
  reportedBy: string;
}

/** One normalised, valid event. Dates are UTC instants; a date without a time is UTC midnight. */
export interface TimelineEvent {
  id: string;
  type: string;
  date: Date;
  precision: Precision;
  end?: Date;
  endPrecision?: Precision;
  title: string;
  /** A short headline for the chart, where `title` is too long to show beside a mark. */
  label?: string;
  /** Set (true) for the story's key moments: they are always labelled on the chart. */
  milestone?: boolean;
  summary?: string;
  place?: string;
  sources: Source[];
  figures?: Figure[];
  /** True when the event had no usable source; it is drawn but flagged. */
  unsourced?: boolean;
  /**
   * Set only for a year a `Date` cannot hold (before -271820 or after 275759, e.g. the Big Bang in a
   * TimelineJS "cosmological" timeline): the year as ISO 8601 counts it (0 is 1 BCE, -1 is 2 BCE). `date` is then clamped to the earliest
   * or latest instant a `Date` can hold, and `precision` is `year`.
   */
  farYear?: number;
  /** The same as `farYear`, for `end`. */
  endFarYear?: number;
  /**
   * True when the event has no title of its own (a TimelineJS slide with only a picture or a
   * video): `title` is then empty, and the widget shows its own word for "untitled" in the
   * reader's language.
   */
  untitled?: boolean;
}

/** Names of one thing per language: BCP 47 tag (canonical, e.g. `ar`, `zh-Hant`) → name. */
export type LocalNames = Record<string, string>;

/** A type (lane) declared in the data. */
export interface TypeInfo {
  label?: string;
  color?: string;
  /** The label in other languages. */
  labels?: LocalNames;
}

/** What the data says about one measure: the figures that share a `label`. */
export interface MeasureInfo {
  /** The measure's name in other languages (the figure label is the default name). */
  labels?: LocalNames;
  /** The reporters the editor chose to highlight in the measure's chart (at most three, as named in the figures). */
  highlight?: string[];
}

export type Severity = 'error' | 'warning';

/**
 * What a problem is about, for problems that can come up on many events at once, so that they can
 * be told as one line ("324 events have no source"; see groupProblems).
 */
export type ProblemKind =
  | 'no-source'
  | 'no-usable-source'
  | 'link-refused'
  | 'unattributed-figure'
  | 'no-time-zone'
  | 'undeclared-type'
  | 'no-headline'
  | 'untitled'
  | 'duplicate-id'
  | 'same-date-and-title'
  | 'cell-count'
  | 'after-quote'
  | 'not-utf8'
  | 'text-cut';

/** Something wrong with the input, named so an editor can find and fix it. */
export interface Problem {
  /** Where, for programs: `events[3].sources[0].url`; for CSV `row 4, column "date"`. */
  path: string;
  /**
   * Where, for editors, in plain English, counting from 1 and naming the event by its title:
   * `event 4 ('Talks in Cairo'), source 1, url`; `row 4 ('Talks in Cairo'), column "date"`;
   * `line 3, column 28`; `the file`. The readers always set it; for a problem made elsewhere,
   * `describePath(path)` gives the place without the title.
   */
  where?: string;
  message: string;
  severity: Severity;
  /** Set on problems that may repeat over many events (see ProblemKind). */
  kind?: ProblemKind;
  /** A place in the text (a JSON syntax error): line and column, counted from 1. */
  at?: { line: number; column: number };
  /** CSV only: 1-based line number in the file (the header is line 1). */
  row?: number;
  /** CSV only: the column's header name. */
  column?: string;
  /** Position (0-based) of the event the problem is about in the input's list of events, if any. */
  eventIndex?: number;
  /** The id (as written, or derived) of the event the problem is about, when known. */
  eventId?: string;
}

/**
 * The format the data came in: native JSON, TimelineJS JSON (version 3), CSV (native columns or
 * the TimelineJS template), TimelineJS 2 JSON (`timeline.date[]`), or a vis-timeline item list.
 */
export type InputFormat = 'native' | 'timelinejs' | 'csv' | 'timelinejs2' | 'vis-timeline';

export interface Dataset {
  title?: string;
  description?: string;
  /** Declared types, by type name. */
  types: Record<string, TypeInfo>;
  /** Declared measures, by figure label; only when the data declares any. */
  measures?: Record<string, MeasureInfo>;
  /** Valid events, sorted by date (then end, then id). */
  events: TimelineEvent[];
}

export interface ReadResult {
  dataset: Dataset;
  problems: Problem[];
  format: InputFormat;
}

export interface ReadOptions {
  /** URL of the data file; relative source URLs resolve against it. */
  baseUrl?: string;
}

/** The types with a lane of their own whether declared or not. */
export const BUILT_IN_TYPES = ['talks', 'proposal', 'casualties'] as const;

/** The type of events whose type is neither built in nor declared. Always accepted. */
export const FALLBACK_TYPE = 'other';

/** The type TimelineJS eras become: spans drawn behind the events. */
export const ERA_TYPE = 'era';
