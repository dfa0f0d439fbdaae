// The one set of events every widget in the benchmark draws, and its conversion to each
// widget's own input format. Same seed and count, same events, on every machine.

import { seededRandom } from '../scripts/seeded-random.mjs';

/** The event types the benchmark draws; the first three are built in, `agreement` is declared. */
export const TYPES = ['talks', 'proposal', 'casualties', 'agreement'];

const TYPE_INFO = {
  agreement: { label: 'Agreements', color: '#2a7d4f' },
};

// Two years, starting on a Monday, so the events fill a realistic news span.
const FIRST_DAY = Date.UTC(2024, 0, 1);
const SPAN_DAYS = 731;
const DAY = 86_400_000;

const PLACES = [
  'Cairo', 'Doha', 'Sharm el-Sheikh', 'Geneva', 'Amman', 'Paris', 'Rafah', 'Jerusalem', 'Washington',
  'Riyadh', 'Abu Dhabi', 'Istanbul', 'New York', 'Brussels', 'Khan Younis',
];
const PARTIES = [
  'Egyptian mediators', 'Qatari mediators', 'US envoys', 'Israeli negotiators', 'Hamas delegates',
  'UN officials', 'EU foreign ministers', 'Arab League ministers', 'Red Cross officials',
  'Palestinian Authority officials',
];
const PUBLISHERS = [
  'Reuters', 'Associated Press', 'Agence France-Presse', 'BBC News', 'Al Jazeera', 'The Guardian',
  'The New York Times', 'Le Monde', 'Haaretz', 'The Washington Post',
];
const TITLES = {
  talks: [
    (p) => `${p.party} meet in ${p.place} for a new round of indirect talks`,
    (p) => `Talks in ${p.place} end without agreement after ${p.n} days`,
    (p) => `${p.party} and ${p.other} resume ceasefire talks in ${p.place}`,
  ],
  proposal: [
    (p) => `${p.party} table a ${p.n}-phase ceasefire proposal in ${p.place}`,
    (p) => `Revised hostage and prisoner exchange plan presented by ${p.party}`,
    (p) => `${p.other} reject parts of the ${p.place} framework, ask for guarantees`,
  ],
  casualties: [
    (p) => `Health officials report ${p.count} killed since the war began`,
    (p) => `UN agency counts ${p.count} displaced people near ${p.place}`,
    (p) => `Death toll passes ${p.count}, according to local health authorities`,
  ],
  agreement: [
    (p) => `${p.party} and ${p.other} sign a ${p.n}-day humanitarian pause in ${p.place}`,
    (p) => `Aid corridor deal reached in ${p.place}, first convoys expected within days`,
    (p) => `Agreement on the exchange of ${p.n * 10} prisoners announced in ${p.place}`,
  ],
};
const SUMMARIES = [
  (p) => `${p.party} said the discussions in ${p.place} covered the sequencing of a truce, the return of hostages and the scale of aid deliveries.`,
  (p) => `Officials speaking on condition of anonymity said ${p.other} had asked for written guarantees before any further step.`,
  (p) => `The figures could not be independently verified; ${p.party} said a fuller account would follow within ${p.n} days.`,
];

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** `count` events in the native format, sorted by date, spread over two years; deterministic per seed. */
export function generateEvents(count, seed = 20240101) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const events = [];
  for (let i = 0; i < count; i++) {
    const type = TYPES[Math.floor(random() * TYPES.length)];
    const party = pick(PARTIES);
    let other = pick(PARTIES);
    if (other === party) other = PARTIES[(PARTIES.indexOf(party) + 1) % PARTIES.length];
    const p = {
      party,
      other,
      place: pick(PLACES),
      n: 2 + Math.floor(random() * 5),
      count: (10_000 + Math.floor(random() * 60_000)).toLocaleString('en-US'),
    };
    const day = FIRST_DAY + Math.floor(random() * SPAN_DAYS) * DAY;
    const event = {
      id: `ev-${i}`,
      type,
      date: isoDay(day),
      title: pick(TITLES[type])(p),
      summary: pick(SUMMARIES)(p),
      place: p.place,
      sources: [
        {
          url: `https://news.example.org/${type}/${i}`,
          title: `Report ${i}`,
          publisher: pick(PUBLISHERS),
          date: isoDay(day),
        },
      ],
    };
    // Talks run over several days; the other types are single-day facts.
    if (type === 'talks' && random() < 0.5) event.end = isoDay(day + p.n * DAY);
    events.push(event);
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return events;
}

/** The native dataset for `<news-timeline>`: the events plus the declaration of `agreement`. */
export function toNative(events) {
  return { title: 'Benchmark', types: TYPE_INFO, events };
}

/**
 * vis-timeline input: items `{id, content, start, end?, group}` and one group per type, in the
 * benchmark's order of types first. An event's short chart label is its item's text, if it has one.
 */
export function toVis(events) {
  const items = events.map((e) => {
    const item = { id: e.id, content: e.label ?? e.title, start: e.date, group: e.type };
    if (e.end) item.end = e.end;
    return item;
  });
  const present = new Set(events.map((e) => e.type));
  const order = [...TYPES.filter((type) => present.has(type)), ...[...present].filter((type) => !TYPES.includes(type))];
  const groups = order.map((type) => ({ id: type, content: type }));
  return { items, groups };
}

const dateParts = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};

/**
 * TimelineJS input: `{title?, events: [{start_date, end_date?, text: {headline, text}, group}]}`;
 * a story's title and description make its title slide.
 */
export function toTimelineJS(events, story = {}) {
  const data = {
    events: events.map((e) => {
      const slide = {
        unique_id: e.id,
        start_date: dateParts(e.date),
        text: { headline: e.title, text: e.summary ?? '' },
        group: e.type,
      };
      if (e.end) slide.end_date = dateParts(e.end);
      return slide;
    }),
  };
  if (story.title) data.title = { text: { headline: story.title, text: story.description ?? '' } };
  return data;
}
