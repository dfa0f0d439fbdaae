import { expect } from '@open-wc/testing';
import { languageTag, localName, readData, toNative } from '../../src/model/index.js';
import { MEASURE_LIMIT } from '../../src/model/names.js';
import type { Problem, ReadResult } from '../../src/model/types.js';

const SOURCE = { url: 'https://news.example/story', publisher: 'News' };

function event(fields: Record<string, unknown> = {}) {
  return { date: '2025-10-06', title: 'Indirect talks open in Sharm el-Sheikh', sources: [SOURCE], ...fields };
}

const only = (result: ReadResult, severity: Problem['severity']) =>
  result.problems.filter((p) => p.severity === severity).map((p) => p.path);

describe('model/names', () => {
  describe('languageTag', () => {
    it('gives the canonical form of a tag, or null', () => {
      expect(languageTag('AR')).to.equal('ar');
      expect(languageTag(' pt-br ')).to.equal('pt-BR');
      expect(languageTag('zh-hant-tw')).to.equal('zh-Hant-TW');
      expect(languageTag('not a tag')).to.equal(null);
      expect(languageTag('')).to.equal(null);
    });
  });

  describe('localName', () => {
    const labels = { ar: 'اتفاقات', 'pt-BR': 'Acordos', zh: '协议', 'zh-Hant': '協議' };

    it('takes the name for the exact tag, in any case', () => {
      expect(localName('Agreements', labels, 'ar')).to.equal('اتفاقات');
      expect(localName('Agreements', labels, 'PT-br')).to.equal('Acordos');
      expect(localName('Agreements', labels, 'zh-Hant')).to.equal('協議');
    });

    it('then a shorter form of the tag', () => {
      expect(localName('Agreements', labels, 'ar-EG')).to.equal('اتفاقات');
      expect(localName('Agreements', labels, 'zh-Hant-TW')).to.equal('協議');
      expect(localName('Agreements', labels, 'zh-CN')).to.equal('协议');
      expect(localName('Agreements', labels, 'ar-u-nu-latn')).to.equal('اتفاقات');
    });

    it('then any name of the same base language', () => {
      expect(localName('Agreements', labels, 'pt')).to.equal('Acordos');
      expect(localName('Agreements', labels, 'pt-PT')).to.equal('Acordos');
    });

    it('else the default name', () => {
      expect(localName('Agreements', labels, 'fr')).to.equal('Agreements');
      expect(localName('Agreements', labels, undefined)).to.equal('Agreements');
      expect(localName('Agreements', undefined, 'ar')).to.equal('Agreements');
      expect(localName('Agreements', labels, '')).to.equal('Agreements');
      expect(localName('Agreements', { ar: '' }, 'ar')).to.equal('Agreements');
    });
  });

  describe('an event\'s chart label and milestone', () => {
    it('reads a label and a milestone', () => {
      const result = readData({ events: [event({ id: 'a', label: '  Talks open in Sharm el-Sheikh ', milestone: true }), event({ id: 'b', milestone: false, label: '' })] });
      expect(result.problems).to.deep.equal([]);
      const [a, b] = result.dataset.events;
      expect(a.label).to.equal('Talks open in Sharm el-Sheikh');
      expect(a.milestone).to.equal(true);
      expect(a.title).to.equal('Indirect talks open in Sharm el-Sheikh');
      expect(b).not.to.have.property('label');
      expect(b).not.to.have.property('milestone');
    });

    it('reports a milestone that is not true or false, and keeps the other events', () => {
      const result = readData({ events: [event({ id: 'a', milestone: 'yes' }), event({ id: 'b', milestone: true })] });
      const [problem] = result.problems;
      expect(problem).to.include({ path: 'events[0].milestone', severity: 'error', eventIndex: 0, eventId: 'a' });
      expect(problem.message).to.match(/"milestone" should be true or false; found the text "yes"/);
      expect(result.dataset.events.map((e) => e.id)).to.deep.equal(['b']);
    });

    it('reports a label that is not text, and cuts a very long one', () => {
      const result = readData({ events: [event({ id: 'a', label: 42 }), event({ id: 'b', label: 'x'.repeat(600) })] });
      expect(only(result, 'error')).to.deep.equal(['events[0].label']);
      expect(only(result, 'warning')).to.deep.equal(['events[1].label']);
      expect(result.dataset.events.map((e) => [e.id, e.label?.length])).to.deep.equal([['b', 500]]);
    });
  });

  describe('type names per language', () => {
    it('reads them under canonical tags', () => {
      const result = readData({
        types: { agreement: { label: 'Agreements', labels: { AR: ' اتفاقات ', 'pt-br': 'Acordos', fr: null, de: '' } } },
        events: [event({ type: 'agreement' })],
      });
      expect(result.problems).to.deep.equal([]);
      expect(result.dataset.types.agreement).to.deep.equal({ label: 'Agreements', labels: { ar: 'اتفاقات', 'pt-BR': 'Acordos' } });
    });

    it('reports what cannot be used, and keeps the rest of the type and the events', () => {
      const result = readData({
        types: {
          agreement: { color: '#2a7d4f', labels: { 'not a tag': 'x', ar: 5, fr: 'Accords', FR: 'Ententes' } },
          decision: { label: 'Decisions', labels: 'قرارات' },
        },
        events: [event({ type: 'agreement' })],
      });
      expect(only(result, 'error')).to.deep.equal(['types.agreement.labels.ar', 'types.decision.labels']);
      expect(only(result, 'warning')).to.deep.equal(['types.agreement.labels["not a tag"]', 'types.agreement.labels.FR']);
      expect(result.problems.map((p) => p.message)).to.deep.equal([
        '"not a tag" is not a language tag, so this label of type "agreement" is not used. Use a BCP 47 tag like "ar", "fr" or "pt-BR".',
        'The "ar" label of type "agreement" should be text; found the number 5. It is not used.',
        'The labels of type "agreement" give "fr" twice (as "fr" and "FR"); the later one is used.',
        'The labels of type "decision" should be an object of language tags and names, like {"ar": "…", "fr": "…"}; found the text "قرارات". They are not used.',
      ]);
      expect(result.dataset.types).to.deep.equal({
        agreement: { color: '#2a7d4f', labels: { fr: 'Ententes' } },
        decision: { label: 'Decisions' },
      });
      expect(result.dataset.events).to.have.length(1);
    });
  });

  describe('measures', () => {
    const killed = (value: number, reportedBy: string, date = '2025-10-06') =>
      event({ id: `${reportedBy}-${date}`.toLowerCase().replace(/\W+/g, '-'), date, type: 'casualties', figures: [{ label: 'Killed in Gaza', value, reportedBy }] });

    it('reads names per language and the highlighted reporters, as the figures write them', () => {
      const result = readData({
        measures: { ' killed  in gaza ': { labels: { ar: 'القتلى في غزة' }, highlight: ['gaza ministry of health', 'Wafa', 'Wafa'] } },
        events: [killed(67160, 'Gaza Ministry of Health'), killed(66600, 'Wafa', '2025-10-07')],
      });
      expect(result.problems).to.deep.equal([]);
      expect(result.dataset.measures).to.deep.equal({
        'Killed in Gaza': { labels: { ar: 'القتلى في غزة' }, highlight: ['Gaza Ministry of Health', 'Wafa'] },
      });
    });

    it('leaves measures out of a dataset that declares none', () => {
      expect(readData({ events: [killed(1, 'M')] }).dataset).not.to.have.property('measures');
      expect(readData('date,title,figure_label,figure_value,reported_by\n2025-10-06,Toll,Killed,5,M\n').dataset).not.to.have.property('measures');
    });

    it('highlights at most three reporters and reports the rest', () => {
      const result = readData({
        measures: { 'Killed in Gaza': { highlight: ['A', 'B', 'C', 'D', 'E'] } },
        events: ['A', 'B', 'C', 'D', 'E'].map((name, k) => killed(k + 1, name)),
      });
      expect(only(result, 'warning')).to.deep.equal(['measures["Killed in Gaza"].highlight[3]']);
      expect(result.problems[0].message).to.match(/at most 3 reporters, so "D" and any after it are shown as other reports/);
      expect(result.dataset.measures?.['Killed in Gaza'].highlight).to.deep.equal(['A', 'B', 'C']);
    });

    it('reports a highlighted reporter and a measure that no figure has', () => {
      const result = readData({
        measures: { 'Killed in Gaza': { highlight: ['Gaza Ministry of Health', 'Gaza Ministry of Heath'] }, Wounded: { labels: { ar: 'الجرحى' } } },
        events: [killed(67160, 'Gaza Ministry of Health')],
      });
      expect(only(result, 'error')).to.deep.equal([]);
      expect(only(result, 'warning')).to.deep.equal(['measures["Killed in Gaza"].highlight[1]', 'measures.Wounded']);
      expect(result.problems[0].message).to.equal('No figure "Killed in Gaza" is reported by "Gaza Ministry of Heath", so it cannot be highlighted. Write the reporter as in the figures\' "reportedBy".');
      expect(result.problems[1].message).to.match(/^No figure has the label "Wounded"/);
      expect(result.dataset.measures).to.deep.equal({
        'Killed in Gaza': { highlight: ['Gaza Ministry of Health'] },
        Wounded: { labels: { ar: 'الجرحى' } },
      });
    });

    it('reports measures it cannot read, and keeps every event', () => {
      const result = readData({
        measures: { ' ': {}, Killed: 'القتلى', 'Killed in Gaza': { highlight: 'Wafa', labels: { ar: 'القتلى في غزة' } }, Injured: { highlight: [7, 'M'] } },
        events: [killed(1, 'M')],
      });
      expect(only(result, 'error')).to.deep.equal(['measures[" "]', 'measures.Killed', 'measures["Killed in Gaza"].highlight', 'measures.Injured.highlight[0]']);
      expect(result.dataset.events).to.have.length(1);
      expect(result.dataset.measures?.['Killed in Gaza']).to.deep.equal({ labels: { ar: 'القتلى في غزة' } });
    });

    it('reports "measures" that is not an object', () => {
      const result = readData({ measures: ['Killed in Gaza'], events: [killed(1, 'M')] });
      expect(result.problems.map((p) => [p.path, p.severity])).to.deep.equal([['measures', 'error']]);
      expect(result.dataset).not.to.have.property('measures');
    });
  });

  it('saves labels, milestones and measures as native JSON and reads them back the same', () => {
    const doc = {
      types: { agreement: { label: 'Agreements', color: '#2a7d4f', labels: { ar: 'اتفاقات' } } },
      measures: { 'Killed in Gaza': { labels: { ar: 'القتلى في غزة' }, highlight: ['Gaza Ministry of Health'] } },
      events: [
        event({ id: 'a', type: 'agreement', label: 'Phase one agreed', milestone: true }),
        event({ id: 'b', type: 'casualties', figures: [{ label: 'Killed in Gaza', value: 67160, reportedBy: 'Gaza Ministry of Health' }] }),
      ],
    };
    const first = readData(doc);
    expect(first.problems).to.deep.equal([]);
    const saved = toNative(first.dataset);
    expect(saved.measures).to.deep.equal(doc.measures);
    expect(saved.types.agreement.labels).to.deep.equal({ ar: 'اتفاقات' });
    expect(saved.events[0]).to.include({ label: 'Phase one agreed', milestone: true });
    expect(saved.events[1]).not.to.have.property('milestone');
    const again = readData(JSON.parse(JSON.stringify(saved)));
    expect(again.problems).to.deep.equal([]);
    expect(again.dataset).to.deep.equal(first.dataset);
  });

  describe('the number of measures', () => {
    const figures = (n: number) => Array.from({ length: n }, (_, k) => event({ id: `e${k}`, figures: [{ label: `Measure ${k}`, value: k, reportedBy: 'Office' }] }));

    it('warns when the figures name more measures than the chart offers, whatever the format', () => {
      expect(readData({ events: figures(MEASURE_LIMIT) }).problems).to.deep.equal([]);
      const many = readData({ events: figures(1000) });
      expect(many.problems.map((p) => [p.severity, p.path])).to.deep.equal([['warning', 'events']]);
      expect(many.problems[0].message).to.contain('1,000 different labels');
      expect(many.problems[0].message).to.contain(`offers ${MEASURE_LIMIT} of them`);
      // Nothing is lost: every event keeps its figure.
      expect(many.dataset.events.filter((e) => e.figures?.length)).to.have.length(1000);
      // Labels differing only in case or spacing are one measure.
      const same = figures(MEASURE_LIMIT + 1).map((e, k) => (k === MEASURE_LIMIT ? { ...e, figures: [{ label: ' measure   0 ', value: 1, reportedBy: 'Office' }] } : e));
      expect(readData({ events: same }).problems).to.deep.equal([]);
      const csv = ['date,title,source_url,figure_label,figure_value,reported_by', ...Array.from({ length: 60 }, (_, k) => `2025-01-01,Report ${k},https://news.example/${k},Measure ${k},${k},Office`)].join('\n');
      expect(readData(csv).problems.map((p) => p.path)).to.deep.equal(['events']);
    });
  });
});
