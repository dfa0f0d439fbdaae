// Files as editors bring them (tests/fixtures/corpus/): the model reads each as expected.json says,
// and the widget, loading the same file from its address, ends with the same events and problems.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import { groupProblems, readData } from '../src/model/index.js';
import type { Problem, ReadResult } from '../src/model/types.js';
import type { NewsTimeline } from '../src/news-timeline.js';

interface Expected {
  format: string;
  events: number;
  errors: number;
  warnings: number;
  titles?: string[];
  includes?: string[];
  groups?: string[];
  untitled?: number;
  types?: number;
  years?: Record<string, number>;
}

const CORPUS = new URL('./fixtures/corpus/', import.meta.url);
const expectedFiles: Record<string, Expected> = await (await fetch(new URL('expected.json', CORPUS))).json();

const count = (problems: Problem[], severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;

/** The widget, loaded from `src`, once it has either drawn or given up. */
async function load(src: string): Promise<NewsTimeline> {
  const container = await fixture<HTMLDivElement>(html`<div style="width:900px"></div>`);
  const element = document.createElement('news-timeline');
  const settled = Promise.race([oneEvent(element, 'timeline-load'), oneEvent(element, 'timeline-error')]);
  element.src = src;
  container.append(element);
  await settled;
  await element.updateComplete;
  return element;
}

describe('the corpus of editors’ files', () => {
  for (const [name, expected] of Object.entries(expectedFiles)) {
    describe(name, () => {
      const src = new URL(name, CORPUS).href;
      let model: ReadResult;
      before(async () => {
        model = readData(await (await fetch(src)).text(), { baseUrl: src });
      });

      it('the model reads it as expected', () => {
        const { problems, dataset } = model;
        expect([model.format, dataset.events.length, count(problems, 'error'), count(problems, 'warning')]).to.deep.equal([
          expected.format, expected.events, expected.errors, expected.warnings,
        ]);
        const titles = dataset.events.map((e) => e.title);
        for (const title of expected.titles ?? []) expect(titles).to.include(title);
        const said = problems.map((p) => `${p.where}: ${p.message}`).join('\n');
        for (const words of expected.includes ?? []) expect(said).to.include(words);
        const lines = groupProblems(problems).map((g) => g.text);
        for (const line of expected.groups ?? []) expect(lines).to.include(line);
        if (expected.untitled !== undefined) expect(dataset.events.filter((e) => e.untitled).length).to.equal(expected.untitled);
        if (expected.types !== undefined) expect(Object.keys(dataset.types)).to.have.length(expected.types);
        for (const [id, year] of Object.entries(expected.years ?? {})) expect(dataset.events.find((e) => e.id === id)!.date.getUTCFullYear()).to.equal(year);
      });

      it('the widget agrees with the model', async () => {
        const element = await load(src);
        expect(element.events.map((e) => e.id)).to.deep.equal(model.dataset.events.map((e) => e.id));
        expect(element.problems).to.deep.equal(model.problems);
      });
    });
  }
});
