import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { CONTEXT_COLOR } from '../../src/layout/figure-chart.js';
import type { NewsTimeline } from '../../src/news-timeline.js';
import {
  deepActive,
  generatedStory,
  settled,
  shadow,
  showWindow,
  storyTimeline,
  timelineWith,
} from '../helpers.js';

const root = (element: NewsTimeline) => shadow(element);
const tabs = (element: NewsTimeline) => [...root(element).querySelectorAll<HTMLButtonElement>('.measure-tab')];
const shown = (element: NewsTimeline) => root(element).querySelector<HTMLElement>('.figures')!.dataset.figureLabel;

/** Every measure of the switcher (tabs, then the menu). */
function measures(element: NewsTimeline): string[] {
  return [
    ...tabs(element).map((tab) => tab.dataset.measure!),
    ...[...root(element).querySelectorAll<HTMLOptionElement>('.measure-more option, .measure-menu option')].filter((o) => o.value).map((o) => o.value),
  ];
}

/** Shows a measure as a reader does: its tab, else the menu. */
async function choose(element: NewsTimeline, label: string): Promise<void> {
  const tab = tabs(element).find((candidate) => candidate.dataset.measure === label);
  if (tab) tab.click();
  else {
    const menu = root(element).querySelector<HTMLSelectElement>('.measure-more, .measure-menu')!;
    menu.value = label;
    menu.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await element.updateComplete;
  expect(shown(element)).to.equal(label);
}

/** Each measure in turn. */
async function eachMeasure(element: NewsTimeline, check: (label: string) => void | Promise<void>): Promise<void> {
  for (const label of measures(element)) {
    await choose(element, label);
    await check(label);
  }
}

function overlap(a: DOMRect, b: DOMRect, slack = 0.5): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
}

/** Points along a path every 2 px, in the page's coordinates. */
function pathPoints(path: SVGPathElement): DOMPoint[] {
  const matrix = path.getScreenCTM()!;
  const length = path.getTotalLength();
  const points: DOMPoint[] = [];
  for (let at = 0; at <= length; at += 2) points.push(path.getPointAtLength(at).matrixTransform(matrix));
  return points;
}

/** Every attribute and inline style in the shadow root that says NaN or Infinity. */
function unfinite(element: NewsTimeline): string[] {
  const found: string[] = [];
  for (const node of root(element).querySelectorAll('*')) {
    for (const attribute of node.attributes) {
      if (/NaN|Infinity/.test(attribute.value)) found.push(`${node.tagName} ${attribute.name}="${attribute.value.slice(0, 60)}"`);
    }
  }
  return found;
}

describe('views/figures: one figure chart with a measure switcher', function () {
  this.timeout(60000);

  it('after zooming to January 2025, each line of each measure reaches both edges of the chart\'s plot', async () => {
    const element = await storyTimeline();
    await showWindow(element, '2025-01-01', '2025-02-01');
    let lines = 0;
    await eachMeasure(element, (label) => {
      const plot = root(element).querySelector('.figure-grid .plot-area')!.getBoundingClientRect();
      expect(plot.width, label).to.be.above(900);
      // A line may be drawn in parts (dashed across a long silence): its parts together.
      const extent = new Map<string, [number, number]>();
      for (const path of root(element).querySelectorAll<SVGPathElement>('.figure-line')) {
        const box = path.getBoundingClientRect();
        const [left, right] = extent.get(path.dataset.reporter!) ?? [Infinity, -Infinity];
        extent.set(path.dataset.reporter!, [Math.min(left, box.left), Math.max(right, box.right)]);
      }
      for (const [reporter, [left, right]] of extent) {
        expect(left, `${label}: ${reporter} starts at the plot's start`).to.be.closeTo(plot.left, 1.5);
        expect(right, `${label}: ${reporter} ends at the plot's end`).to.be.closeTo(plot.right, 1.5);
        lines++;
      }
    });
    // Killed in Gaza (the health ministry) and Hostages still held (Israeli authorities) cross January.
    expect(lines).to.be.at.least(2);
  });

  it('gives a reporter one colour in every measure; at most three highlighted lines, the others grey', async () => {
    const element = await storyTimeline();
    const colours = new Map<string, Set<string>>();
    await eachMeasure(element, (label) => {
      const highlighted = new Set<string>();
      for (const line of root(element).querySelectorAll<SVGPathElement>('.figure-line')) {
        const reporter = line.dataset.reporter!;
        const colour = line.getAttribute('stroke')!;
        if (line.classList.contains('highlighted')) highlighted.add(reporter);
        else expect(colour, `${label}: ${reporter}`).to.equal(CONTEXT_COLOR);
      }
      for (const point of root(element).querySelectorAll<HTMLElement>('.figure-point')) {
        const reporter = point.dataset.reporter!;
        const colour = point.style.getPropertyValue('--_c');
        if (point.classList.contains('highlighted')) {
          highlighted.add(reporter);
          if (!colours.has(reporter)) colours.set(reporter, new Set());
          colours.get(reporter)!.add(colour);
        } else expect(colour, `${label}: ${reporter}`).to.equal(CONTEXT_COLOR);
      }
      expect(highlighted.size, label).to.be.at.most(3);
    });
    // The health ministry is highlighted in two measures, in one colour.
    expect([...colours.get('Gaza Ministry of Health')!]).to.have.length(1);
    for (const [reporter, seen] of colours) expect(seen.size, reporter).to.equal(1);
  });

  it('names a grey line while the pointer is on it, and a grey point while it has focus', async () => {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const events = [0, 30, 60, 90].flatMap((d, k) => [
      { id: `a${k}`, date: day(d), type: 'casualties', title: `A ${k}`, sources: [{ url: 'https://example.org/a' }], figures: [{ label: 'Killed', value: 100 + 50 * k, reportedBy: 'Ministry' }] },
      { id: `b${k}`, date: day(d + 10), type: 'casualties', title: `B ${k}`, sources: [{ url: 'https://example.org/b' }], figures: [{ label: 'Killed', value: 60 + 40 * k, reportedBy: 'Observatory' }] },
    ]);
    const element = await timelineWith({ measures: { Killed: { highlight: ['Ministry'] } }, events }, 1000);
    const named = () => [...root(element).querySelectorAll<HTMLElement>('.end-label.named')].map((label) => label.textContent!.trim());
    expect(named()).to.deep.equal([]);
    const hit = root(element).querySelector<SVGPathElement>('.line-hit[data-reporter="Observatory"]')!;
    hit.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(named()).to.have.length(1);
    expect(named()[0]).to.match(/^Observatory\s*180 · /);
    expect(root(element).querySelector('.figure-line.named')!.getAttribute('data-reporter')).to.equal('Observatory');
    hit.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, relatedTarget: root(element).querySelector('.plot') }));
    await element.updateComplete;
    expect(named()).to.deep.equal([]);
    // Focus on one of its points: the point says who reported what, and when, beside it.
    const point = root(element).querySelector<HTMLElement>('.figure-point[data-event-id="b1"]')!;
    const tip = point.querySelector<HTMLElement>('.point-tip')!;
    expect(getComputedStyle(tip).display).to.equal('none');
    point.focus();
    await sendKeys({ press: 'Shift' });
    await element.updateComplete;
    expect(point.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(tip).display).to.equal('block');
    expect(tip.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Observatory 100 · Feb 10, 2024');
    expect(point.getAttribute('aria-description')).to.equal('100, reported by Observatory, Feb 10, 2024');
    // Beside the point, not over it, and inside the chart.
    const chart = root(element).querySelector('.figure-chart')!.getBoundingClientRect();
    const box = tip.getBoundingClientRect();
    expect(overlap(box, point.querySelector('.dot')!.getBoundingClientRect())).to.equal(false);
    expect(box.top).to.be.at.least(chart.top);
    expect(box.bottom).to.be.at.most(chart.bottom);
  });

  for (const [width, dir] of [[1200, 'ltr'], [360, 'ltr'], [360, 'rtl']] as const) {
    it(`at ${width} px${dir === 'rtl' ? ', right to left' : ''}, end and range labels keep clear of each other and of the value labels, and no line crosses a value label or a line's name`, async () => {
      const element = await storyTimeline({ width, container: dir === 'rtl' ? { dir, lang: 'ar' } : {} });
      for (const window of [null, ['2025-01-01', '2025-02-01'], ['2025-10-01', '2025-11-01'], ['2025-10-06', '2025-10-13']] as const) {
        if (window) await showWindow(element, window[0], window[1]);
        await eachMeasure(element, (label) => {
          const where = `${label} at ${window ?? 'fit all'}`;
          const texts = [...root(element).querySelectorAll<HTMLElement>('.end-label, .range-label, .value-tick')].map((node) => ({
            node,
            box: node.getBoundingClientRect(),
          }));
          for (let i = 0; i < texts.length; i++) {
            for (let j = i + 1; j < texts.length; j++) {
              expect(overlap(texts[i].box, texts[j].box), `${where}: "${texts[i].node.textContent}" × "${texts[j].node.textContent}"`).to.equal(false);
            }
          }
          // A line's end label: the name and its value, which the lines keep clear of as they do of the value labels.
          const ticks = texts.filter((text) => text.node.matches('.value-tick, .end-label'));
          for (const path of root(element).querySelectorAll<SVGPathElement>('.figure-line')) {
            for (const point of pathPoints(path)) {
              for (const tick of ticks) {
                const inside = point.x > tick.box.left && point.x < tick.box.right && point.y > tick.box.top && point.y < tick.box.bottom;
                expect(inside, `${where}: ${path.dataset.reporter} crosses "${tick.node.textContent}"`).to.equal(false);
              }
            }
          }
        });
      }
    });
  }

  it('draws disagreeing reports as a range, with both values labelled', async () => {
    const element = await storyTimeline();
    // 19 January 2025: "more than 46,000" and "more than 47,000" killed, from two Palestinian sources.
    await showWindow(element, '2025-01-01', '2025-02-01');
    const ranges = root(element).querySelectorAll('.figure-lines .range');
    expect(ranges).to.have.length(1);
    const bar = ranges[0].querySelector('line.bar')!.getBoundingClientRect();
    expect(bar.height).to.be.at.least(6);
    const labels = [...root(element).querySelectorAll<HTMLElement>('.range-label')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['more than 47,000 (Gaza medical officials)', 'more than 46,000 (Palestinian Ministry of Health)']);
    // October 2025: the ministry's 67,160 against Wafa's 66,600.
    await showWindow(element, '2025-10-01', '2025-11-01');
    const october = [...root(element).querySelectorAll<HTMLElement>('.range-label')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
    expect(october).to.deep.equal(['more than 67,160 (Gaza Ministry of Health)', 'more than 66,600 (Wafa)']);
  });

  it('switches measures by pointer and by keyboard (arrows, Home, End), with focus on the tabs and the plot\'s keys left alone', async () => {
    const element = await storyTimeline();
    expect(tabs(element).map((tab) => tab.textContent)).to.deep.equal([
      'Killed in Gaza',
      'Killed in Gaza since the October 2025 ceasefire',
      'Killed in Israel on 7 October',
      'Hostages taken on 7 October',
      'Hostages still held in Gaza',
    ]);
    expect(shown(element)).to.equal('Killed in Gaza');
    for (const tab of tabs(element)) {
      const box = tab.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
    tabs(element)[4].click();
    await element.updateComplete;
    expect(shown(element)).to.equal('Hostages still held in Gaza');
    expect(tabs(element).map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['false', 'false', 'false', 'false', 'true']);
    expect(root(element).querySelector('.figure-chart')!.getAttribute('aria-labelledby')).to.equal(tabs(element)[4].id);

    tabs(element)[4].focus();
    const said = root(element).querySelector('[aria-live="polite"]')!.textContent;
    for (const [key, expected] of [
      ['ArrowRight', 'Killed in Gaza'],
      ['ArrowRight', 'Killed in Gaza since the October 2025 ceasefire'],
      ['End', 'Hostages still held in Gaza'],
      ['ArrowLeft', 'Hostages taken on 7 October'],
      ['Home', 'Killed in Gaza'],
    ] as const) {
      await sendKeys({ press: key });
      await element.updateComplete;
      expect(shown(element), key).to.equal(expected);
      const active = deepActive() as HTMLElement;
      expect([active.getAttribute('role'), active.dataset.measure], key).to.deep.equal(['tab', expected]);
      expect(active.tabIndex).to.equal(0);
    }
    // The arrows moved along the tabs, not through the events.
    expect(root(element).querySelector('[aria-live="polite"]')!.textContent).to.equal(said);
    expect(element.selected).to.equal(null);
  });

  it('mirrors the arrows right to left, and names the measures in Arabic, each in an isolate', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar', dir: 'rtl' } });
    expect(tabs(element).map((tab) => tab.textContent)).to.deep.equal([
      'القتلى في غزة',
      'القتلى في غزة منذ وقف إطلاق النار في أكتوبر 2025',
      'القتلى في إسرائيل يوم 7 أكتوبر',
      'الرهائن الذين احتُجزوا يوم 7 أكتوبر',
      'الرهائن المتبقون في غزة',
    ]);
    for (const tab of tabs(element)) expect(tab.firstElementChild!.tagName).to.equal('BDI');
    // Right to left, the first tab is at the right.
    const [first, second] = tabs(element).map((tab) => tab.getBoundingClientRect());
    expect(first.left).to.be.above(second.left);
    tabs(element)[0].focus();
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(shown(element)).to.equal('Killed in Gaza since the October 2025 ceasefire');
    // The values' axis is on the right.
    const chart = root(element).querySelector('.figure-chart')!.getBoundingClientRect();
    for (const tick of root(element).querySelectorAll('.value-tick')) expect(tick.getBoundingClientRect().left).to.be.above(chart.left + chart.width / 2);
  });

  it('on a phone, switches measures with one menu that names the measure shown in full; wider, the tabs that do not fit are in a menu', async () => {
    const element = await storyTimeline({ width: 360 });
    const menu = () => root(element).querySelector<HTMLSelectElement>('.measure-menu')!;
    expect(tabs(element)).to.have.length(0);
    expect([menu().value, menu().selectedOptions[0].textContent]).to.deep.equal(['Killed in Gaza', 'Killed in Gaza']);
    expect(menu().getAttribute('aria-label')).to.equal('Reported figures');
    expect([...menu().options].map((option) => option.value)).to.have.length(5);
    const chart = root(element).querySelector('.chart')!.getBoundingClientRect();
    await choose(element, 'Killed in Gaza since the October 2025 ceasefire');
    const box = menu().getBoundingClientRect();
    expect(box.right).to.be.at.most(chart.right);
    expect(box.height).to.be.at.least(24);
    // The long name in full.
    expect(box.width).to.be.above(250);
    expect(menu().value).to.equal('Killed in Gaza since the October 2025 ceasefire');
    const panel = root(element).querySelector('.figure-chart')!;
    expect([panel.getAttribute('role'), panel.getAttribute('aria-label')]).to.deep.equal(['region', 'Killed in Gaza since the October 2025 ceasefire']);
    // Arrows in the menu are the menu's: the plot's keyboard does not move.
    menu().focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(element.selected).to.equal(null);
    expect(deepActive()).to.equal(menu());

    // At 700 px, the tabs that fit, and a menu of the others that keeps its placeholder.
    const wide = await storyTimeline({ width: 700 });
    const more = root(wide).querySelector<HTMLSelectElement>('.measure-more')!;
    expect(tabs(wide).length).to.be.within(1, 4);
    expect(more.value).to.equal('');
    expect(tabs(wide).length + more.querySelectorAll('option:not([value=""])').length).to.equal(5);
    await choose(wide, 'Hostages still held in Gaza');
    expect(tabs(wide).find((tab) => tab.getAttribute('aria-selected') === 'true')!.dataset.measure).to.equal('Hostages still held in Gaza');
    expect(root(wide).querySelector<HTMLSelectElement>('.measure-more')!.value).to.equal('');
  });

  it('draws no group counter on figure points, and a chart at least 140 px tall at 1200 px (120 at 360)', async () => {
    for (const [width, least] of [[1200, 140], [360, 120]]) {
      const element = await storyTimeline({ width });
      expect(root(element).querySelector('.figure-chart')!.getBoundingClientRect().height).to.be.at.least(least);
      expect(root(element).querySelectorAll('.figures [data-cluster-count]')).to.have.length(0);
      for (const point of root(element).querySelectorAll<HTMLElement>('.figure-point')) {
        expect(point.getAttribute('part')).to.equal('event');
        expect(point.dataset.eventId).to.be.a('string');
        // No count: nothing is written on the mark but what it says beside it under focus.
        const written = [...point.childNodes].filter((node) => !(node instanceof Element && node.classList.contains('point-tip')));
        expect(written.map((node) => node.textContent).join('').trim()).to.equal('');
      }
    }
    // 10,000 events, some 3,400 figures on one measure: still no counter, and targets that do not overlap.
    const element = await timelineWith(generatedStory(10_000), 360);
    expect(root(element).querySelectorAll('.figures [data-cluster-count]')).to.have.length(0);
    const boxes = [...root(element).querySelectorAll<HTMLElement>('.figure-point')].map((point) => point.getBoundingClientRect());
    expect(boxes.length).to.be.within(1, 60);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).to.equal(false);
  });

  it('draws no NaN or Infinity for values of 1e308 and -1e308 on one measure', async () => {
    const source = [{ url: 'https://example.org/' }];
    const element = await timelineWith(
      {
        events: [
          { id: 'big', date: '2024-01-01', type: 'casualties', title: 'Big', sources: source, figures: [{ label: 'M', value: 1e308, reportedBy: 'A' }] },
          { id: 'small', date: '2024-02-01', type: 'casualties', title: 'Small', sources: source, figures: [{ label: 'M', value: -1e308, reportedBy: 'A' }, { label: 'M', value: 1e308, reportedBy: 'B' }] },
          { id: 'plain', date: '2024-03-01', type: 'casualties', title: 'Plain', sources: source, figures: [{ label: 'M', value: 5, reportedBy: 'B' }] },
        ],
      },
      1000,
    );
    expect(root(element).querySelectorAll('.figure-line').length).to.be.above(0);
    expect(unfinite(element)).to.deep.equal([]);
    await showWindow(element, '2024-01-15', '2024-02-15');
    expect(unfinite(element)).to.deep.equal([]);
  });

  it('keeps 1,000 measures in a 100 KB file to a bounded switcher, with a warning; any measure is charted when one of its events is chosen', async () => {
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const data = {
      events: Array.from({ length: 1000 }, (_, k) => ({
        id: `m${k}`,
        date: day(k),
        type: 'casualties',
        title: `Report ${k}`,
        sources: [{ url: 'https://example.org/' }],
        figures: [{ label: `Measure ${k}`, value: k, reportedBy: 'Office' }],
      })),
    };
    expect(JSON.stringify(data).length).to.be.within(90_000, 200_000);
    const element = await timelineWith(data, 1200);
    const warning = element.problems.find((problem) => /1,000 different labels/.test(problem.message));
    expect(warning, JSON.stringify(element.problems)).to.include({ severity: 'warning' });
    expect(tabs(element).length).to.be.within(1, 8);
    expect(root(element).querySelectorAll('.measure-more option').length).to.be.at.most(51);
    expect(root(element).querySelectorAll('*').length, 'elements in the widget').to.be.below(1000);
    expect(element.getBoundingClientRect().height).to.be.below(900);
    element.select('m700');
    await settled(element);
    expect(shown(element)).to.equal('Measure 700');
    expect(root(element).querySelector('.figure-point[data-event-id="m700"]')).to.exist;
  });

  describe('reaching events by keyboard', () => {
    before(() => emulateMedia({ reducedMotion: 'reduce' }));
    after(() => emulateMedia({ reducedMotion: 'no-preference' }));

    it('at 360 px, each event in turn gets focus on a mark of its own, the chart showing a measure it reports', async () => {
      const element = await storyTimeline({ width: 360 });
      const events = element.events;
      root(element).querySelector<HTMLElement>('.plot [data-event-id][tabindex="0"]')!.focus();
      await sendKeys({ press: 'Home' });
      for (let k = 0; k < 16; k++) {
        if (k > 0) await sendKeys({ press: 'ArrowRight' });
        await settled(element, 50);
        const event = events[k];
        const active = deepActive() as HTMLElement;
        expect(active.dataset.eventId, `event ${k}`).to.equal(event.id);
        if (active.closest('.figures')) expect(event.figures!.map((figure) => figure.label), event.id).to.include(shown(element));
      }
    });
  });
});
