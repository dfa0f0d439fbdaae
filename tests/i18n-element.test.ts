import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { NewsTimeline } from '../src/news-timeline.js';
import { STRINGS } from '../src/i18n/index.js';
import { settled, shadow, storyTimeline } from './helpers.js';

const control = (element: NewsTimeline, action: string) =>
  shadow(element).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;

const laneLabels = (element: NewsTimeline) =>
  [...shadow(element).querySelectorAll('.lane')].map((lane) => lane.getAttribute('aria-label'));

const left = (element: NewsTimeline, selector: string) =>
  shadow(element).querySelector(selector)!.getBoundingClientRect().left;

/** `n` talks a week apart, each with a source. */
function talks(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    type: 'talks',
    date: new Date(Date.UTC(2025, 0, 1 + i * 7)).toISOString().slice(0, 10),
    title: `Round ${i + 1}`,
    sources: [{ url: `https://example.com/${i}` }],
  }));
}

async function openList(element: NewsTimeline): Promise<HTMLElement> {
  control(element, 'list').click();
  await element.updateComplete;
  return shadow(element).querySelector<HTMLElement>('[part="list"]')!;
}

describe('i18n: the locale attribute', () => {
  it('locale="ar" speaks Arabic and runs right to left: a later event lies further left', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar' } });
    const frame = shadow(element).querySelector('.frame')!;
    expect(frame.getAttribute('dir')).to.equal('rtl');
    expect(frame.getAttribute('lang')).to.equal('ar');
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('تكبير');
    expect(control(element, 'zoom-out').getAttribute('aria-label')).to.equal('تصغير');
    expect(control(element, 'fit').getAttribute('aria-label')).to.equal('عرض الكل');
    expect(control(element, 'list').textContent!.trim()).to.equal('عرض القائمة');
    // Built-in types in the widget's Arabic; the data's types in the data's Arabic names (`labels.ar`).
    expect(laneLabels(element)).to.deep.equal(['محادثات', 'مقترحات', 'اتفاقات', 'قرارات', 'ضحايا ورهائن']);
    expect([...shadow(element).querySelectorAll('.lane-label bdi')].map((name) => name.textContent)).to.deep.equal(laneLabels(element));
    expect([...shadow(element).querySelectorAll('.legend button bdi')].map((name) => name.textContent)).to.deep.equal(laneLabels(element));
    const x = (id: string) => shadow(element).querySelector(`[data-event-id="${id}"]`)!.getBoundingClientRect().left;
    expect(x('doha-strike-2025-09-09')).to.be.below(x('paris-talks-2024-01-28'));
    expect(x('paris-talks-2024-01-28')).to.be.below(x('hamas-led-attack-southern-israel-2023-10-07'));
    // The axis speaks Arabic too, and reads right to left: 2025 left of 2024.
    const ticks = [...shadow(element).querySelectorAll<HTMLElement>('.axis .tick')];
    expect(ticks.some((tick) => /[\u0600-\u06ff]/.test(tick.textContent!))).to.equal(true);
    const year = (text: string) => ticks.find((tick) => tick.textContent!.trim() === text)!.getBoundingClientRect().left;
    expect(year('2025')).to.be.below(year('2024'));
    for (const tick of ticks) {
      const box = tick.getBoundingClientRect();
      const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
      expect(box.right, tick.textContent!).to.be.at.most(chart.right + 1);
      expect(box.left, tick.textContent!).to.be.at.least(chart.left - 1);
    }
  });

  it('an Arabic detail: Arabic words, an Arabic date from Intl, figures with who reported them', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar' } });
    element.select('gaza-moh-toll-2025-10-06');
    await settled(element);
    const detail = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
    const date = new Intl.DateTimeFormat('ar', { timeZone: 'UTC', calendar: 'gregory', year: 'numeric', month: 'long', day: 'numeric' });
    expect(detail.querySelector('time')!.textContent).to.equal(date.format(new Date('2025-10-06T00:00:00Z')));
    expect(detail.querySelector('time')!.textContent).to.contain('أكتوبر');
    expect(detail.querySelector('h3')!.textContent).to.equal('الأرقام');
    expect(detail.querySelector('.figures-list')!.textContent).to.contain(new Intl.NumberFormat('ar').format(67160));
    expect(detail.querySelector('.figures-list')!.textContent).to.contain('بحسب');
    expect(detail.querySelector<HTMLElement>('.close')!.getAttribute('aria-label')).to.equal('إغلاق');
    const [previous, next] = detail.querySelectorAll('.nav button');
    expect(previous.textContent!.trim()).to.equal('→ الحدث السابق');
    expect(next.textContent!.trim()).to.equal('الحدث التالي ←');
  });

  it('locale="fr": French words, French dates and French numbers', async () => {
    const element = await storyTimeline({ attrs: { locale: 'fr' } });
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Zoom avant');
    expect(laneLabels(element).slice(0, 2)).to.deep.equal(['Pourparlers', 'Propositions']);
    element.select('sharm-el-sheikh-talks-2025-10-06');
    await settled(element);
    const detail = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
    expect(detail.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '6 octobre 2025 · Pourparlers · Sharm el-Sheikh, Egypt',
    );
    // A source's date is a date like any other: in French, at its precision.
    const sourceDates = [...detail.querySelectorAll('.sources time')];
    expect(sourceDates.map((time) => [time.getAttribute('datetime'), time.textContent])).to.deep.equal([
      ['2025-10-06', '6 octobre 2025'],
      ['2025-10-06', '6 octobre 2025'],
      ['2025-10-06', '6 octobre 2025'],
    ]);
    const mark = shadow(element).querySelector('[data-event-id="sharm-el-sheikh-talks-2025-10-06"]')!;
    expect(mark.getAttribute('aria-label')).to.equal(
      'Pourparlers, 6 octobre 2025\u00a0: Indirect talks open in Sharm el-Sheikh',
    );
    element.select('gaza-moh-toll-2025-10-06');
    await settled(element);
    // Only ordinary white space is folded: the number's narrow no-break space is the point.
    const figures = shadow(element).querySelector('[part="detail"] .figures-list')!.textContent!.replace(/[ \n\t]+/g, ' ');
    expect(figures).to.contain(`more than ${new Intl.NumberFormat('fr').format(67160)}`);
    expect(new Intl.NumberFormat('fr').format(67160)).to.equal('67\u202f160');
    expect(figures).to.contain('(selon Gaza Ministry of Health)');
  });

  it('every shipped language names the controls in its own words; an unknown one falls back to English', async () => {
    const expected: Record<string, [string, string]> = {
      en: ['Zoom in', 'List view'],
      ar: ['تكبير', 'عرض القائمة'],
      he: ['הגדלת התצוגה', 'תצוגת רשימה'],
      fr: ['Zoom avant', 'Vue en liste'],
      es: ['Acercar', 'Vista de lista'],
      de: ['Vergrößern', 'Listenansicht'],
      tr: ['Yakınlaştır', 'Liste görünümü'],
      sw: ['Zoom in', 'List view'],
      'fr-CA': ['Zoom avant', 'Vue en liste'],
      'de-AT-u-nu-latn': ['Vergrößern', 'Listenansicht'],
    };
    for (const [locale, [zoomIn, list]] of Object.entries(expected)) {
      const element = await storyTimeline({ attrs: { locale }, data: talks(3) });
      expect(control(element, 'zoom-in').getAttribute('aria-label'), locale).to.equal(zoomIn);
      expect(control(element, 'list').textContent!.trim(), locale).to.equal(list);
      const rtl = locale === 'ar' || locale === 'he';
      expect(shadow(element).querySelector('.frame')!.getAttribute('dir'), locale).to.equal(rtl ? 'rtl' : 'ltr');
      element.parentElement!.remove();
    }
    for (const locale of ['ar', 'he', 'fr', 'es', 'de', 'tr']) {
      const table = STRINGS[locale]!;
      expect(Object.keys(table).sort(), locale).to.deep.equal(Object.keys(STRINGS.en).sort());
    }
  });

  it('the gesture hint speaks the reader\'s language', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar' } });
    const plot = shadow(element).querySelector<HTMLElement>('.plot')!;
    const box = plot.getBoundingClientRect();
    plot.dispatchEvent(
      new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true, composed: true, clientX: box.left + 100, clientY: box.top + 40 }),
    );
    await element.updateComplete;
    const hint = shadow(element).querySelector('.hint')!.textContent!.trim();
    expect([STRINGS.ar.wheelHint, STRINGS.ar.wheelHintMac]).to.include(hint);
  });

  it('the error panel speaks the reader\'s language', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="width:600px"></div>`);
    const element = document.createElement('news-timeline');
    element.setAttribute('locale', 'ar');
    const failed = oneEvent(element, 'timeline-error');
    element.data = { events: [{ title: 'no date, no type' }] };
    container.append(element);
    const { detail } = await failed;
    expect(detail.message).to.equal('لا تتضمن البيانات أي حدث صالح للعرض.');
    await element.updateComplete;
    const panel = shadow(element).querySelector<HTMLElement>('[part="error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.querySelector('h2')!.textContent).to.equal('تعذّر عرض الخط الزمني');
  });
});

describe('i18n: where the locale comes from', () => {
  it('from the nearest lang ancestor when there is no locale attribute', async () => {
    const element = await storyTimeline({ container: { lang: 'fr' }, data: talks(2) });
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Zoom avant');
    expect(shadow(element).querySelector('.frame')!.getAttribute('lang')).to.equal('fr');
  });

  it('from the document when no ancestor says', async () => {
    const root = document.documentElement;
    const before = root.lang;
    root.lang = 'de';
    try {
      const element = await storyTimeline({ data: talks(2) });
      expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Vergrößern');
    } finally {
      root.lang = before;
    }
  });

  it('the attribute wins over the ancestor, and a change of locale relabels everything', async () => {
    const element = await storyTimeline({ container: { lang: 'fr' }, attrs: { locale: 'de' } });
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Vergrößern');
    expect(laneLabels(element)[0]).to.equal('Gespräche');
    element.locale = 'es';
    await element.updateComplete;
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Acercar');
    expect(laneLabels(element).slice(0, 2)).to.deep.equal(['Conversaciones', 'Propuestas']);
    expect(shadow(element).querySelector('[data-legend-type="talks"]')!.textContent!.trim()).to.equal('Conversaciones');
    const mark = shadow(element).querySelector('[data-event-id="doha-strike-2025-09-09"]')!;
    expect(mark.getAttribute('aria-label')).to.match(/^Conversaciones, 9 de septiembre de 2025: /);
  });

  it('an Arabic ancestor lang makes the timeline right to left without a dir', async () => {
    const element = await storyTimeline({ container: { lang: 'ar' }, data: talks(3) });
    expect(shadow(element).querySelector('.frame')!.getAttribute('dir')).to.equal('rtl');
    const x = (id: string) => shadow(element).querySelector(`[data-event-id="${id}"]`)!.getBoundingClientRect().left;
    expect(x('t2')).to.be.below(x('t0'));
  });

  it('an explicit dir="ltr" keeps an Arabic timeline left to right', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar', dir: 'ltr' }, data: talks(3) });
    expect(shadow(element).querySelector('.frame')!.getAttribute('dir')).to.equal('ltr');
    const x = (id: string) => shadow(element).querySelector(`[data-event-id="${id}"]`)!.getBoundingClientRect().left;
    expect(x('t2')).to.be.above(x('t0'));
  });

  it('dir="rtl" on an ancestor mirrors an English timeline', async () => {
    const element = await storyTimeline({ container: { dir: 'rtl' }, data: talks(3) });
    expect(shadow(element).querySelector('.frame')!.getAttribute('dir')).to.equal('rtl');
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Zoom in');
    const x = (id: string) => shadow(element).querySelector(`[data-event-id="${id}"]`)!.getBoundingClientRect().left;
    expect(x('t2')).to.be.below(x('t0'));
  });

  it('English names from the data read left to right inside an Arabic timeline, Arabic ones right to left', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar' } });
    const direction = (node: Element) => getComputedStyle(node).direction;
    const names = [...shadow(element).querySelectorAll('.lane-label > bdi, .lane-label > span, .legend button > bdi, .label > bdi')];
    const english = names.filter((node) => /^[A-Z]/.test(node.textContent!.trim()));
    const arabic = names.filter((node) => /^[\u0600-\u06ff]/.test(node.textContent!.trim()));
    expect(english.length).to.be.above(5);
    expect(arabic.length).to.be.above(1);
    for (const node of english) expect(direction(node), node.textContent!).to.equal('ltr');
    // The English title keeps its direction and still lines up on the right, with the Arabic controls.
    const title = shadow(element).querySelector('.title')!;
    expect(direction(title)).to.equal('ltr');
    expect(getComputedStyle(title).textAlign).to.equal('right');
    for (const node of arabic) expect(direction(node), node.textContent!).to.equal('rtl');
  });

  it('setting dir after the first render mirrors the timeline, and removing it turns it back', async () => {
    const element = await storyTimeline({ data: talks(3) });
    const x = (id: string) => shadow(element).querySelector(`[data-event-id="${id}"]`)!.getBoundingClientRect().left;
    expect(x('t2')).to.be.above(x('t0'));
    element.setAttribute('dir', 'rtl');
    await settled(element);
    expect(shadow(element).querySelector('.frame')!.getAttribute('dir')).to.equal('rtl');
    expect(x('t2')).to.be.below(x('t0'));
    element.removeAttribute('dir');
    await settled(element);
    expect(x('t2')).to.be.above(x('t0'));
  });
});

describe('i18n: the strings property', () => {
  it('replaces any of the widget\'s words, the rest stay in the locale', async () => {
    const element = await storyTimeline({ attrs: { locale: 'fr' }, strings: { zoomIn: 'Agrandir', typeTalks: 'Négociations' } });
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Agrandir');
    expect(control(element, 'zoom-out').getAttribute('aria-label')).to.equal('Zoom arrière');
    expect(laneLabels(element)[0]).to.equal('Négociations');
    element.strings = { listView: 'Chronologie en texte' };
    await element.updateComplete;
    expect(control(element, 'list').textContent!.trim()).to.equal('Chronologie en texte');
    expect(control(element, 'zoom-in').getAttribute('aria-label')).to.equal('Zoom avant');
    expect(laneLabels(element)[0]).to.equal('Pourparlers');
  });

  it('a replaced plural is used with the plural rules of the locale', async () => {
    const element = await storyTimeline({
      data: talks(3),
      strings: { eventsCount: { one: 'a single item', other: '{count} items in all' } },
    });
    const list = await openList(element);
    expect(list.querySelector('.when')!.textContent).to.equal('3 items in all');
  });
});

describe('i18n: counts with plural rules', () => {
  const cases: [string, number, string][] = [
    ['ar', 1, 'حدث واحد'],
    ['ar', 2, 'حدثان'],
    ['ar', 3, `${new Intl.NumberFormat('ar').format(3)} أحداث`],
    ['ar', 11, `${new Intl.NumberFormat('ar').format(11)} حدثًا`],
    ['ar', 72, `${new Intl.NumberFormat('ar').format(72)} حدثًا`],
    ['ar', 100, `${new Intl.NumberFormat('ar').format(100)} حدث`],
    ['he', 2, 'שני אירועים'],
    ['fr', 1, '1 événement'],
    ['fr', 2, '2 événements'],
    ['en', 1, '1 event'],
    ['tr', 5, '5 olay'],
  ];
  for (const [locale, n, text] of cases) {
    it(`${locale}, ${n}: "${text}"`, async () => {
      const element = await storyTimeline({ attrs: { locale }, data: talks(n), width: 800 });
      const list = await openList(element);
      expect(list.querySelector(':scope > .when')!.textContent).to.equal(text);
      expect(list.querySelectorAll('ol > li')).to.have.length(n);
    });
  }

  it('an Arabic group says its count in words and in the number it shows', async () => {
    // On a phone, where the rows of a lane run out.
    const element = await storyTimeline({ width: 360, attrs: { locale: 'ar' } });
    const clusters = [...shadow(element).querySelectorAll<HTMLElement>('.lane [data-cluster-count]:not(.moment)')];
    expect(clusters.length).to.be.greaterThan(0);
    const digits = new Intl.NumberFormat('ar');
    for (const cluster of clusters) {
      const count = Number(cluster.dataset.clusterCount);
      const label = cluster.getAttribute('aria-label')!;
      expect(cluster.textContent!.trim()).to.equal(digits.format(count));
      expect(label).to.contain(digits.format(count));
      const form = new Intl.PluralRules('ar').select(count);
      if (form === 'few') expect(label).to.match(/أحداث، من/);
      if (form === 'many') expect(label).to.match(/حدثًا، من/);
      if (form === 'two') expect(label).to.match(/^عدد الأحداث: /);
      expect(label).to.match(/اضغط للتكبير\.$/);
    }
  });
});

describe('i18n: names from the data inside the widget\'s Arabic', () => {
  it('sit in isolates: in the words of a mark, of a chip, of a figure\'s reporter', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar' } });
    // A mark's name: its type and its English title each in an isolate, the Arabic comma and colon outside them.
    const paris = shadow(element).querySelector('[data-event-id="paris-talks-2024-01-28"]')!;
    expect(paris.getAttribute('aria-label')).to.match(/^\u2068محادثات\u2069، \u2068[^\u2068\u2069]+\u2069: \u2068US, Israeli, Qatari and Egyptian officials meet in Paris\u2069$/);
    const chip = shadow(element).querySelector('[data-legend-type="agreement"]')!;
    expect(chip.getAttribute('title')).to.equal('إخفاء \u2068اتفاقات\u2069');
    element.select('gaza-moh-toll-2025-10-06');
    await settled(element);
    const who = shadow(element).querySelector('[part="detail"] .who')!.textContent!;
    expect(who).to.equal('(بحسب \u2068Gaza Ministry of Health\u2069)');
    // The detail names the measure in Arabic, from the data.
    expect(shadow(element).querySelector('[part="detail"] .figures-list bdi')!.textContent).to.equal('القتلى في غزة');
  });

  it('a bracket or a colon at the end of an English name stays at its end', async () => {
    const data = { types: { talks: { label: 'Talks (indirect):' } }, events: talks(3) };
    const element = await storyTimeline({ data, attrs: { locale: 'ar' } });
    const name = shadow(element).querySelector('.lane-label bdi')!;
    expect(name.textContent).to.equal('Talks (indirect):');
    // Left to right inside its isolate: the colon is its rightmost character, the T its leftmost.
    const text = [...name.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)!;
    const range = document.createRange();
    range.setStart(text, text.textContent!.length - 1);
    range.setEnd(text, text.textContent!.length);
    const colon = range.getBoundingClientRect();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect();
    const box = name.getBoundingClientRect();
    expect(colon.right).to.be.closeTo(box.right, 1);
    expect(first.left).to.be.closeTo(box.left, 1);
  });

  it('an Arabic name inside an English timeline\'s words is isolated too', async () => {
    const data = { types: { talks: { label: 'Talks', labels: { ar: 'محادثات' } } }, events: [{ id: 'a', type: 'talks', date: '2025-01-10', title: 'محادثات في القاهرة (جولة ثانية)', sources: [{ url: 'https://example.com/1' }] }] };
    const element = await storyTimeline({ data });
    const mark = shadow(element).querySelector('[data-event-id="a"]')!;
    expect(mark.getAttribute('aria-label')).to.equal('Talks, January 10, 2025: \u2068محادثات في القاهرة (جولة ثانية)\u2069');
  });

  it('keyboard focus shows a mark\'s full title only where its label does not already show it', async () => {
    const data = {
      events: [
        { id: 'whole', type: 'talks', date: '2025-01-10', title: 'Talks resume', sources: [{ url: 'https://example.com/1' }] },
        { id: 'short', type: 'talks', date: '2025-06-10', label: 'New round', title: 'A new round of talks opens in Cairo', sources: [{ url: 'https://example.com/2' }] },
      ],
    };
    const element = await storyTimeline({ data, attrs: { locale: 'ar' } });
    const tip = async (id: string) => {
      const target = shadow(element).querySelector<HTMLElement>(`[data-event-id="${id}"]`)!;
      target.focus();
      await sendKeys({ press: 'Shift' });
      return getComputedStyle(target, '::before').content;
    };
    expect(await tip('whole')).to.equal('none');
    expect(await tip('short')).to.equal('"A new round of talks opens in Cairo"');
    // In its own direction inside the Arabic widget.
    const short = shadow(element).querySelector('[data-event-id="short"]')!;
    expect(getComputedStyle(short, '::before').unicodeBidi).to.equal('plaintext');
  });
});

describe('i18n: right to left mirrors the whole widget', () => {
  it('lane labels, controls, legend and detail take the other side', async () => {
    const ltr = await storyTimeline({ width: 1200 });
    ltr.select('paris-talks-2024-01-28');
    await settled(ltr);
    const rtl = await storyTimeline({ width: 1200, attrs: { locale: 'ar' } });
    rtl.select('paris-talks-2024-01-28');
    await settled(rtl);
    const box = (element: NewsTimeline, selector: string) => shadow(element).querySelector(selector)!.getBoundingClientRect();
    const chart = (element: NewsTimeline) => box(element, '.chart');
    // Lane labels at the start edge: left in LTR, right in RTL.
    expect(box(ltr, '.lane-label').left - chart(ltr).left).to.be.below(20);
    expect(chart(rtl).right - box(rtl, '.lane-label').right).to.be.below(20);
    // Title first, then legend and controls: the controls end up at the far end.
    expect(box(ltr, '.title').left).to.be.below(box(ltr, '.controls').left);
    expect(box(rtl, '.title').left).to.be.above(box(rtl, '.controls').left);
    // The legend reads talks first, from the start edge.
    expect(left(ltr, '[data-legend-type="talks"]')).to.be.below(left(ltr, '[data-legend-type="proposal"]'));
    expect(left(rtl, '[data-legend-type="talks"]')).to.be.above(left(rtl, '[data-legend-type="proposal"]'));
    // The detail sits at the end edge, its close button at its own end.
    expect(box(ltr, '[part="detail"]').right).to.be.closeTo(chart(ltr).right - 8, 2);
    expect(box(rtl, '[part="detail"]').left).to.be.closeTo(chart(rtl).left + 8, 2);
    expect(box(rtl, '[part="detail"] .close').left).to.be.below(box(rtl, '[part="detail"] h2').left + 40);
    // The overview strip runs the same way as the chart: the brush of a late window is on the left.
    rtl.select(null);
    rtl.zoomTo('2025-08-01', '2025-11-30');
    await settled(rtl);
    const brush = box(rtl, '.brush');
    const overview = box(rtl, '.overview');
    expect(brush.left - overview.left).to.be.below(overview.width * 0.25);
  });
});
