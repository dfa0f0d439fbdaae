import { expect } from '@open-wc/testing';
import { BUILT_IN_TYPES } from '../../src/model/types.js';

interface RawSource {
  url: string;
  title?: string;
  publisher?: string;
  date?: string;
}
interface RawFigure {
  label: string;
  value: number;
  qualifier?: string;
  reportedBy: string;
}
interface RawEvent {
  id: string;
  type: string;
  date: string;
  end?: string;
  title: string;
  label?: string;
  milestone?: boolean;
  summary?: string;
  place?: string;
  sources: RawSource[];
  figures?: RawFigure[];
}
interface RawDataset {
  title: string;
  description: string;
  types: Record<string, { label?: string; color?: string; labels?: Record<string, string> }>;
  measures: Record<string, { labels?: Record<string, string>; highlight?: string[] }>;
  events: RawEvent[];
}

/** WCAG 2 relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Words that take a side; the dataset reports, it does not characterise.
const LOADED = [
  'massacre', 'genocide', 'terrorist', 'martyr', 'butcher', 'heroic', 'brutal', 'savage',
  'occupation forces', 'resistance fighters',
];

// A partial ISO date ("2025", "2025-10", "2025-10-06") compared as the first day it can mean.
const firstDay = (d: string) => (d + '-01-01').slice(0, 10);

describe('data/events.json (default story)', () => {
  let data: RawDataset;

  before(async () => {
    const res = await fetch(new URL('../../data/events.json', import.meta.url));
    expect(res.ok).to.equal(true);
    data = (await res.json()) as RawDataset;
  });

  it('has a title, a description and at least 50 events', () => {
    expect(data.title).to.equal('Gaza ceasefire negotiations');
    expect(data.description.length).to.be.greaterThan(40);
    expect(data.events.length).to.be.at.least(50);
  });

  it('dates every event between 2023-10-01 and 2025-11-30, in date order', () => {
    const dates = data.events.map((e) => firstDay(e.date));
    for (const e of data.events) {
      expect(e.date, e.id).to.match(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(firstDay(e.date) >= '2023-10-01', e.id).to.equal(true);
      expect(firstDay(e.date) <= '2025-11-30', e.id).to.equal(true);
      if (e.end) {
        expect(firstDay(e.end) >= firstDay(e.date), `${e.id} end`).to.equal(true);
        expect(firstDay(e.end) <= '2025-11-30', `${e.id} end`).to.equal(true);
      }
    }
    expect(dates).to.deep.equal([...dates].sort());
    expect(data.events[0].date).to.equal('2023-10-07');
  });

  it('gives every event at least one http(s) source with a publisher', () => {
    for (const e of data.events) {
      expect(e.sources.length, e.id).to.be.at.least(1);
      for (const s of e.sources) {
        expect(new URL(s.url).protocol, `${e.id}: ${s.url}`).to.be.oneOf(['http:', 'https:']);
        expect(s.publisher, `${e.id}: ${s.url}`).to.be.a('string').and.not.equal('');
        if (s.date !== undefined) expect(s.date, `${e.id}: ${s.url}`).to.match(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('puts a wire-service copy first when an event has one', () => {
    const wire = /\b(Reuters|AP|AFP|dpa|BBC)\b/;
    for (const e of data.events) {
      const firstWire = e.sources.findIndex((s) => wire.test(s.publisher ?? ''));
      if (firstWire > 0) {
        expect(e.sources.slice(0, firstWire).every((s) => wire.test(s.publisher ?? '')), e.id).to.equal(true);
      }
    }
    const revision = data.events.find((e) => e.id === 'israel-toll-revised-1200-2023-11-10');
    expect(revision?.sources[0].publisher).to.equal('The Straits Times (Reuters)');
  });

  it('has unique kebab-case ids', () => {
    const ids = data.events.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(id).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses only built-in or declared types', () => {
    const known = new Set<string>([...BUILT_IN_TYPES, ...Object.keys(data.types)]);
    for (const e of data.events) expect(known.has(e.type), `${e.id}: ${e.type}`).to.equal(true);
    expect(data.types.agreement.label).to.equal('Agreements');
    expect(data.types.casualties.label).to.equal('Casualties and hostages');
    const used = new Set(data.events.map((e) => e.type));
    expect([...used].sort()).to.deep.equal(['agreement', 'casualties', 'decision', 'proposal', 'talks']);
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).to.be.closeTo(21, 1e-9);
    expect(contrast('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
  });

  it('declares colours with at least 3:1 contrast on light and dark backgrounds', () => {
    const colours = Object.entries(data.types).filter(([, t]) => t.color !== undefined);
    expect(colours.map(([name]) => name)).to.include.members(['agreement', 'decision']);
    for (const [name, t] of colours) {
      expect(t.color, name).to.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
      expect(contrast(t.color!, '#ffffff'), `${name} on white`).to.be.at.least(3);
      expect(contrast(t.color!, '#16181d'), `${name} on dark`).to.be.at.least(3);
    }
  });

  it('gives every figure a label, a finite number and who reported it', () => {
    let count = 0;
    for (const e of data.events) {
      for (const f of e.figures ?? []) {
        count++;
        expect(f.label, e.id).to.be.a('string').and.not.equal('');
        expect(f.value, e.id).to.be.a('number');
        expect(Number.isFinite(f.value), e.id).to.equal(true);
        expect(f.reportedBy, e.id).to.be.a('string').and.not.equal('');
        if (f.qualifier !== undefined) expect(f.qualifier, e.id).to.be.a('string').and.not.equal('');
      }
    }
    expect(count).to.be.at.least(40);
  });

  it('keeps the Gaza Ministry of Health death toll non-decreasing over time', () => {
    const series = data.events.flatMap((e) =>
      (e.figures ?? [])
        .filter((f) => f.label === 'Killed in Gaza' && f.reportedBy === 'Gaza Ministry of Health')
        .map((f) => ({ date: firstDay(e.date), value: f.value })),
    );
    expect(series.length).to.be.at.least(12);
    expect(series[0]).to.deep.equal({ date: '2023-11-10', value: 11000 });
    expect(series[series.length - 1]).to.deep.equal({ date: '2025-11-29', value: 70100 });
    for (let i = 1; i < series.length; i++) {
      expect(series[i].date >= series[i - 1].date).to.equal(true);
      expect(series[i].value, series[i].date).to.be.at.least(series[i - 1].value);
    }
  });

  it('shows the 7 October toll in Israel as separate reports, 1,400 then about 1,200', () => {
    const points = data.events.flatMap((e) =>
      (e.figures ?? [])
        .filter((f) => f.label === 'Killed in Israel on 7 October')
        .map((f) => ({ date: e.date, value: f.value, qualifier: f.qualifier, by: f.reportedBy })),
    );
    expect(points.slice(0, 2)).to.deep.equal([
      { date: '2023-11-09', value: 1400, qualifier: 'more than', by: 'Israeli government' },
      { date: '2023-11-10', value: 1200, qualifier: 'about', by: 'Israeli Foreign Ministry' },
    ]);
  });

  it('tracks the hostages still held in Gaza as reported by Israeli authorities', () => {
    const values = data.events.flatMap((e) =>
      (e.figures ?? [])
        .filter((f) => f.label === 'Hostages still held in Gaza' && f.reportedBy === 'Israeli authorities')
        .map((f) => f.value),
    );
    expect(values).to.deep.equal([137, 132, 48]);
  });

  it('draws figures for exactly five measures', () => {
    const labels = new Set(data.events.flatMap((e) => (e.figures ?? []).map((f) => f.label)));
    expect(labels.size).to.be.at.most(5);
    expect([...labels].sort()).to.deep.equal([
      'Hostages still held in Gaza',
      'Hostages taken on 7 October',
      'Killed in Gaza',
      'Killed in Gaza since the October 2025 ceasefire',
      'Killed in Israel on 7 October',
    ]);
  });

  it('names reporters briefly enough for a legend', () => {
    for (const e of data.events) {
      for (const f of e.figures ?? []) {
        expect(f.reportedBy.length, `${e.id}: ${f.reportedBy}`).to.be.at.most(48);
      }
    }
  });

  it('gives every event that carries a figure an http(s) source', () => {
    const withFigures = data.events.filter((e) => (e.figures ?? []).length > 0);
    expect(withFigures.length).to.be.at.least(30);
    for (const e of withFigures) {
      expect(e.sources.length, e.id).to.be.at.least(1);
      expect(e.sources.some((s) => /^https?:$/.test(new URL(s.url).protocol)), e.id).to.equal(true);
    }
  });

  it('keeps the hostages taken on 7 October as three separate reports', () => {
    const points = data.events.flatMap((e) =>
      (e.figures ?? [])
        .filter((f) => f.label === 'Hostages taken on 7 October')
        .map((f) => ({ id: e.id, value: f.value, by: f.reportedBy })),
    );
    expect(points.map(({ value, by }) => ({ value, by }))).to.deep.equal([
      { value: 253, by: 'Israeli tallies (Reuters, BBC)' },
      { value: 255, by: 'Benjamin Netanyahu' },
      { value: 251, by: 'Israeli tallies (Reuters, dpa)' },
    ]);
    const netanyahu = data.events.find((e) => e.id === points[1].id);
    expect(netanyahu?.summary).to.match(/255 as the total number of hostages/);
  });

  it('tracks the killings since the October 2025 ceasefire', () => {
    const points = data.events.flatMap((e) =>
      (e.figures ?? [])
        .filter((f) => f.label === 'Killed in Gaza since the October 2025 ceasefire')
        .map((f) => `${e.date} ${f.qualifier ?? ''} ${f.value} ${f.reportedBy}`),
    );
    expect(points).to.deep.equal([
      '2025-11-01  226 Gaza medical sources',
      '2025-11-04 at least 240 Gaza Ministry of Health',
      '2025-11-29  354 Gaza Ministry of Health',
    ]);
  });

  it('keeps numbers that are not drawn in the summaries, with who gave them', () => {
    const summary = (id: string) => data.events.find((e) => e.id === id)?.summary ?? '';
    const cases: [string, RegExp][] = [
      ['qatar-announces-pause-deal-2023-11-22', /50 women and children.*according to Qatar's Foreign Ministry and Israel's Prime Minister's Office/],
      ['truce-release-counts-2023-12-01', /105 hostages.*110.*240 by AP, 210 by the Times of Israel and 230 by NationalWorld/],
      ['gaza-toll-and-missing-2024-05-04', /more than 10,000 by UN OCHA.*at least 11,000 by The Palestine Chronicle/],
      ['hamas-accepts-mediators-proposal-2024-05-06', /Axios reported that up to 33 hostages/],
      ['gaza-tolls-2025-03-02', /Gaza Government Media Office gave at least 61,709/],
      ['gaza-strikes-toll-2025-03-18', /Ministry of Health reported 404 people killed and 562 injured.*at least 330/],
      ['phase-one-agreed-2025-10-08', /about 1,950 prisoners in all according to Jewish Insider, citing Axios/],
      ['hostages-and-prisoners-released-2025-10-13', /1,968 Palestinian prisoners.*Times of Israel/],
      ['hostage-remains-2025-11-01', /those of 11 were still in Gaza, Reuters reported/],
      ['gaza-tolls-2025-10-07', /Wafa and the Gaza Government Media Office said 104 people/],
    ];
    for (const [id, pattern] of cases) expect(summary(id), id).to.match(pattern);
  });

  it('keeps titles short and plain', () => {
    for (const e of data.events) {
      expect(e.title.length, e.id).to.be.within(10, 90);
      expect(e.title, e.id).not.to.match(/[<>]/);
    }
  });

  it('marks eight key moments as milestones', () => {
    const milestones = data.events.filter((e) => e.milestone !== undefined);
    for (const e of milestones) expect(e.milestone, e.id).to.equal(true);
    expect(milestones.map((e) => e.id)).to.deep.equal([
      'hamas-led-attack-southern-israel-2023-10-07',
      'november-truce-2023-11-24',
      'un-security-council-resolution-2735-2024-06-10',
      'doha-ceasefire-agreement-2025-01-15',
      'israel-resumes-strikes-2025-03-18',
      'trump-20-point-plan-2025-09-29',
      'phase-one-agreed-2025-10-08',
      'hostages-and-prisoners-released-2025-10-13',
    ]);
  });

  it('gives every long title a short chart label, and no label longer than 46 characters', () => {
    const labelled = data.events.filter((e) => e.label !== undefined);
    expect(labelled.length).to.equal(60);
    for (const e of data.events) {
      if (e.title.length > 42) expect(e.label, e.id).to.be.a('string');
      if (e.label === undefined) continue;
      expect(e.label.trim(), e.id).to.equal(e.label);
      expect(e.label.length, e.id).to.be.within(10, 46);
      expect(e.label.length, e.id).to.be.below(e.title.length);
      expect(e.label, e.id).not.to.match(/[<>]/);
      const text = e.label.toLowerCase();
      for (const word of LOADED) expect(text.includes(word), `${e.id}: "${word}"`).to.equal(false);
    }
    // Every milestone has a label of at most 45 characters, so two lines of it fit a phone.
    for (const e of data.events.filter((m) => m.milestone)) expect((e.label ?? e.title).length, e.id).to.be.at.most(45);
  });

  it('keeps the numbers of a label as its title gives them', () => {
    for (const e of data.events) {
      if (e.label === undefined) continue;
      const numbers = e.label.match(/\d[\d,]*/g) ?? [];
      for (const n of numbers) expect(e.title.includes(n), `${e.id}: ${n}`).to.equal(true);
    }
  });

  it('names each declared type and each measure in Arabic', () => {
    const arabic = /^[\u0600-\u06ff\s\d]+$/;
    for (const [name, type] of Object.entries(data.types)) expect(type.labels?.ar, name).to.match(arabic);
    const figureLabels = new Set(data.events.flatMap((e) => (e.figures ?? []).map((f) => f.label)));
    expect(Object.keys(data.measures).sort()).to.deep.equal([...figureLabels].sort());
    for (const [name, measure] of Object.entries(data.measures)) expect(measure.labels?.ar, name).to.match(arabic);
    expect(data.measures['Killed in Gaza'].labels?.ar).to.equal('القتلى في غزة');
  });

  it('highlights reporters that report the measure, at most three a chart', () => {
    for (const [name, measure] of Object.entries(data.measures)) {
      const reporters = new Set(data.events.flatMap((e) => (e.figures ?? []).filter((f) => f.label === name).map((f) => f.reportedBy)));
      expect((measure.highlight ?? []).length, name).to.be.at.most(3);
      for (const reporter of measure.highlight ?? []) expect(reporters.has(reporter), `${name}: ${reporter}`).to.equal(true);
    }
    expect(data.measures['Killed in Gaza'].highlight).to.deep.equal(['Gaza Ministry of Health']);
    expect(data.measures['Hostages still held in Gaza'].highlight).to.deep.equal(['Israeli authorities', 'Reuters']);
  });

  it('keeps loaded words out of every summary', () => {
    for (const e of data.events) {
      expect(e.summary, e.id).to.be.a('string');
      const text = e.summary!.toLowerCase();
      for (const word of LOADED) expect(text.includes(word), `${e.id}: "${word}"`).to.equal(false);
    }
  });
});
