// Native documents, good and bad, that the JSON Schema (data/schema.json) and the reader must
// judge alike: valid, or has errors. Warnings do not count: they never make a document invalid.

export interface CorpusEntry {
  name: string;
  doc: unknown;
  /** Whether the document has no error. */
  valid: boolean;
  /**
   * Set when only the reader can see the error (JSON Schema cannot check a calendar or compare two
   * fields): the schema accepts the document, the reader does not.
   */
  readerOnly?: string;
}

const source = { url: 'https://news.example/story', publisher: 'News' };
const event = (fields: Record<string, unknown> = {}) => ({ date: '2025-10-06', title: 'Talks open', sources: [source], ...fields });
const doc = (...events: unknown[]) => ({ title: 'Story', events });

export const corpus: CorpusEntry[] = [
  // Valid documents (some with warnings).
  { name: 'the example of the contract', valid: true, doc: {
    title: 'Gaza ceasefire negotiations',
    description: '…',
    types: { agreement: { label: 'Agreements', color: '#2a7d4f' } },
    events: [
      { id: 'sharm-el-sheikh-talks-2025-10', type: 'talks', date: '2025-10-06', end: '2025-10-09', title: 'Indirect talks open in Sharm el-Sheikh', summary: '…', place: 'Sharm el-Sheikh, Egypt', sources: [{ url: 'https://news.example/a', title: '…', publisher: '…', date: '2025-10-07' }] },
      { id: 'gaza-moh-toll-2025-10-06', type: 'casualties', date: '2025-10-06', title: 'Gaza death toll passes 67,000', figures: [{ label: 'Killed in Gaza', value: 67160, qualifier: 'more than', reportedBy: 'Gaza Ministry of Health' }], sources: [{ url: 'https://news.example/b', publisher: '…' }] },
    ],
  } },
  { name: 'a bare list of events', valid: true, doc: [event(), event({ id: 'b' })] },
  { name: 'only date and title', valid: true, doc: { events: [{ date: '2025', title: 'x' }] } },
  { name: 'every date precision', valid: true, doc: doc(event({ date: '2025' }), event({ date: '2025-10', id: 'm' }), event({ date: '2025-10-06T14:30Z', id: 't' }), event({ date: '2025-10-06T14:30:05.123+02:00', id: 's' })) },
  { name: 'a time without a zone (warning)', valid: true, doc: doc(event({ date: '2025-10-06T14:30' })) },
  { name: 'negative, short and expanded years', valid: true, doc: doc(event({ date: '-0044-03-15' }), event({ date: '0800', id: 'a' }), event({ date: '+10000', id: 'b' }), event({ date: '-13800000000', id: 'c' })) },
  { name: 'a year as a number', valid: true, doc: doc(event({ date: 1948 })) },
  { name: 'an empty end', valid: true, doc: doc(event({ end: '' }), event({ end: null, id: 'b' })) },
  { name: 'an undeclared type (warning)', valid: true, doc: doc(event({ type: 'agreement' })) },
  { name: 'a colour that is not CSS (warning)', valid: true, doc: { types: { agreement: { color: 'url(x)' } }, events: [event({ type: 'agreement' })] } },
  { name: 'a javascript: source (warning)', valid: true, doc: doc(event({ sources: [{ url: 'javascript:alert(1)' }] })) },
  { name: 'no sources (warning)', valid: true, doc: doc(event({ sources: undefined })) },
  { name: 'sources given as links', valid: true, doc: doc(event({ sources: ['https://a.example/', 'not a link'] })) },
  { name: 'a source without url (warning)', valid: true, doc: doc(event({ sources: [{ publisher: 'Reuters' }] })) },
  { name: 'a figure value written as text', valid: true, doc: doc(event({ figures: [{ label: 'Killed', value: ' 67160 ', reportedBy: 'M' }] })) },
  { name: 'a figure without reportedBy (warning)', valid: true, doc: doc(event({ figures: [{ label: 'Killed', value: 3 }] })) },
  { name: 'duplicate ids (warning)', valid: true, doc: doc(event({ id: 'x' }), event({ id: 'x' })) },
  { name: 'numeric id', valid: true, doc: doc(event({ id: 42 })) },
  { name: 'unknown fields', valid: true, doc: { version: 1, generator: 'x', events: [event({ colour: 'red', extra: { a: [1] } })] } },
  { name: 'nulls for optional fields', valid: true, doc: { title: null, description: null, types: null, events: [event({ summary: null, place: null, type: null, id: null, figures: null, sources: null })] } },
  { name: 'a very long title (warning, cut)', valid: true, doc: doc(event({ title: 'x'.repeat(600) })) },
  { name: 'an untitled event (warning)', valid: true, doc: doc(event({ title: '', untitled: true }), event({ id: 'b', title: undefined, untitled: true })) },
  { name: 'other names for place and sources', valid: true, doc: doc(event({ sources: undefined, location: 'Cairo', link: 'https://a.example/' })) },
  { name: 'a chart label and a milestone', valid: true, doc: doc(event({ label: 'Talks open', milestone: true }), event({ id: 'b', label: null, milestone: false })) },
  { name: 'type and measure names per language, a highlight', valid: true, doc: {
    types: { agreement: { label: 'Agreements', labels: { ar: 'اتفاقات', 'pt-BR': 'Acordos', fr: null } } },
    measures: { 'Killed': { labels: { ar: 'القتلى' }, highlight: ['M'] }, 'Injured': null },
    events: [event({ type: 'agreement', figures: [{ label: 'Killed', value: 3, reportedBy: 'M' }] })],
  } },
  { name: 'a label under a key that is not a language tag (warning)', valid: true, doc: { types: { agreement: { labels: { 'not a tag': 'x' } } }, events: [event()] } },
  { name: 'four highlighted reporters (warning)', valid: true, doc: { measures: { Killed: { highlight: ['A', 'B', 'C', 'D'] } }, events: [event()] } },
  { name: 'a measure no figure has (warning)', valid: true, doc: { measures: { Wounded: { labels: { ar: 'الجرحى' } } }, events: [event()] } },

  // Invalid documents.
  { name: 'no events list', valid: false, doc: { title: 'x', items: [] } },
  { name: 'an empty events list', valid: false, doc: { events: [] } },
  { name: 'events not a list', valid: false, doc: { events: { a: event() } } },
  { name: 'not a timeline at all', valid: false, doc: 'a string' },
  { name: 'a number as the document', valid: false, doc: 42 },
  { name: 'an event without a title', valid: false, doc: doc(event(), event({ title: undefined })) },
  { name: 'an empty title', valid: false, doc: doc(event({ title: '  ' })) },
  { name: 'an empty title, untitled false', valid: false, doc: doc(event({ title: '', untitled: false })) },
  { name: 'a number as the title', valid: false, doc: doc(event({ title: 1948 })) },
  { name: 'an event without a date', valid: false, doc: doc(event({ date: undefined })) },
  { name: 'a date with slashes', valid: false, doc: doc(event({ date: '10/06/2025' })) },
  { name: 'month 13', valid: false, doc: doc(event({ date: '2024-13-45' })) },
  { name: 'a three-digit year', valid: false, doc: doc(event({ date: '800' })) },
  { name: 'a date that is not text', valid: false, doc: doc(event({ date: true })) },
  { name: 'a fractional year', valid: false, doc: doc(event({ date: 2025.5 })) },
  { name: 'an end that is not a date', valid: false, doc: doc(event({ end: 'soon' })) },
  { name: 'an event that is not an object', valid: false, doc: doc(event(), 'talks') },
  { name: 'sources not a list', valid: false, doc: doc(event({ sources: source })) },
  { name: 'a source that is a number', valid: false, doc: doc(event({ sources: [42] })) },
  { name: 'a source url that is a number', valid: false, doc: doc(event({ sources: [{ url: 42 }] })) },
  { name: 'a source title that is an object', valid: false, doc: doc(event({ sources: [{ url: 'https://a.example/', title: {} }] })) },
  { name: 'a type that is a number', valid: false, doc: doc(event({ type: 3 })) },
  { name: 'an id that is a list', valid: false, doc: doc(event({ id: ['x'] })) },
  { name: 'a summary that is a number', valid: false, doc: doc(event({ summary: 5 })) },
  { name: 'figures not a list', valid: false, doc: doc(event({ figures: { label: 'x', value: 1 } })) },
  { name: 'a figure with thousands separators', valid: false, doc: doc(event({ figures: [{ label: 'Killed', value: '67,160', reportedBy: 'M' }] })) },
  { name: 'a figure with words in its value', valid: false, doc: doc(event({ figures: [{ label: 'Killed', value: 'about 5', reportedBy: 'M' }] })) },
  { name: 'a figure without a label', valid: false, doc: doc(event({ figures: [{ value: 5, reportedBy: 'M' }] })) },
  { name: 'a figure without a value', valid: false, doc: doc(event({ figures: [{ label: 'Killed', reportedBy: 'M' }] })) },
  { name: 'a figure reporter that is a number', valid: false, doc: doc(event({ figures: [{ label: 'Killed', value: 5, reportedBy: 7 }] })) },
  { name: 'types as a list', valid: false, doc: { types: ['agreement'], events: [event()] } },
  { name: 'a type declared as text', valid: false, doc: { types: { agreement: 'Agreements' }, events: [event()] } },
  { name: 'a type label that is a number', valid: false, doc: { types: { agreement: { label: 1 } }, events: [event()] } },
  { name: 'a type with an empty name', valid: false, doc: { types: { ' ': {} }, events: [event()] } },
  { name: 'a title of the timeline that is a number', valid: false, doc: { title: 7, events: [event()] } },
  { name: 'a chart label that is a number', valid: false, doc: doc(event({ label: 42 })) },
  { name: 'a milestone written as text', valid: false, doc: doc(event({ milestone: 'yes' })) },
  { name: 'type labels as a list', valid: false, doc: { types: { agreement: { labels: ['Acordos'] } }, events: [event()] } },
  { name: 'a type label per language that is a number', valid: false, doc: { types: { agreement: { labels: { ar: 5 } } }, events: [event()] } },
  { name: 'measures as a list', valid: false, doc: { measures: ['Killed'], events: [event()] } },
  { name: 'a measure with an empty name', valid: false, doc: { measures: { ' ': {} }, events: [event()] } },
  { name: 'a measure described as text', valid: false, doc: { measures: { Killed: 'القتلى' }, events: [event()] } },
  { name: 'a highlight that is not a list', valid: false, doc: { measures: { Killed: { highlight: 'M' } }, events: [event()] } },
  { name: 'a highlighted reporter that is a number', valid: false, doc: { measures: { Killed: { highlight: [7] } }, events: [event()] } },

  // Only the reader can see these.
  { name: '30 February', valid: false, readerOnly: 'calendar', doc: doc(event({ date: '2023-02-30' })) },
  { name: '29 February in a common year', valid: false, readerOnly: 'calendar', doc: doc(event({ date: '2023-02-29' })) },
  { name: 'an end before the date', valid: false, readerOnly: 'two fields compared', doc: doc(event({ date: '2025-10-09', end: '2025-10-06' })) },
];
