import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_JSON_DEPTH, parseJsonInSlices, tooDeepMessage } from '../../src/model/json-slices.js';
import { parseJson } from '../../src/model/json.js';
import { ProblemList } from '../../src/model/problems.js';

/** What the model's parseJson makes of a text, to compare with the sliced parse. */
function whole(text: string): { value?: unknown; problems: unknown[] } {
  const problems = new ProblemList();
  const parsed = parseJson(text, problems);
  return parsed ? { value: parsed.value, problems: problems.items } : { problems: problems.items };
}

/** Runs `work` while recording the length of every text JSON.parse is given. */
async function watchJsonParse<T>(work: (lengths: number[]) => Promise<T>): Promise<{ result: T; lengths: number[] }> {
  const real = JSON.parse;
  const lengths: number[] = [];
  JSON.parse = function (text: string, reviver?: (key: string, value: unknown) => unknown) {
    lengths.push(String(text).length);
    return real.call(JSON, text, reviver);
  } as typeof JSON.parse;
  try {
    return { result: await work(lengths), lengths };
  } finally {
    JSON.parse = real;
  }
}

/** A native file of `count` events, one per line, about 200 characters each. */
function eventsText(count: number, { trailingComma = false } = {}): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(JSON.stringify({ id: `e${i}`, type: 'talks', date: '2024-05-01', title: `Talks, round ${i}`, sources: [{ url: `https://news.example/${i}`, publisher: 'Wire' }] }));
  }
  return `{"title": "Talks",\n"events": [\n${lines.join(',\n')}${trailingComma ? ',' : ''}\n]}`;
}

/** JSON with the slips hand-editing leaves: commas before closing brackets, comments, typographic quotes. */
const withSlips = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(',', ' // note\n', '/* note */', '“')), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 24 }))
  .map(([value, slips, run]) => {
    let text = JSON.stringify(value, null, 1);
    for (const [at, slip] of slips) {
      // Slips go where a hand would put them: before a closing bracket, or after a comma or an opening one.
      const places = [...text.matchAll(/[\]}]|[,[{]\n/g)].map((m) => (m[0].length === 2 ? m.index! + 2 : m.index!));
      if (!places.length) break;
      const place = places[at % places.length];
      text = text.slice(0, place) + slip + text.slice(place);
    }
    return { text, run };
  });

describe('model/json-slices', () => {
  it('parses any JSON exactly as JSON.parse does, however finely it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 2, '\t'), fc.integer({ min: 1, max: 64 }), async (value, indent, run) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = await parseJsonInSlices(text, { run, slice: 16, pause: async () => undefined });
        expect(parsed.problems).to.deep.equal([]);
        expect(parsed.value).to.deep.equal(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads damaged JSON as parseJson does: the same value or the same error', async () => {
    // Valid JSON with one character dropped, doubled or replaced.
    const damaged = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.constantFrom('drop', 'double', '"', ',', ']', '}', '\\', ':', ' x', '/', '“'), fc.integer({ min: 1, max: 16 }))
      .map(([value, at, how, run]) => {
        const text = JSON.stringify(value);
        const i = text.length ? at % text.length : 0;
        const broken = how === 'drop' ? text.slice(0, i) + text.slice(i + 1) : how === 'double' ? text.slice(0, i + 1) + text.slice(i) : text.slice(0, i) + how + text.slice(i);
        return { broken, run };
      });
    await fc.assert(
      fc.asyncProperty(damaged, async ({ broken, run }) => {
        expect(await parseJsonInSlices(broken, { run, slice: 8, pause: async () => undefined })).to.deep.equal(whole(broken));
      }),
      { numRuns: 400 },
    );
  });

  it('repairs the slips of hand-edited JSON as parseJson does, with the same warnings', async () => {
    await fc.assert(
      fc.asyncProperty(withSlips, async ({ text, run }) => {
        expect(await parseJsonInSlices(text, { run, slice: 8, pause: async () => undefined })).to.deep.equal(whole(text));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps "__proto__" as a plain key, as JSON.parse does, without touching any prototype', async () => {
    const text = '{"__proto__": {"polluted": true}, "events": [' + '{"a": 1},'.repeat(40) + '{"a": 2}]}';
    const parsed = (await parseJsonInSlices(text, { run: 8 })).value as Record<string, unknown>;
    expect(Object.keys(parsed)).to.deep.equal(['__proto__', 'events']);
    expect(Object.getPrototypeOf(parsed)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((parsed.events as unknown[]).length).to.equal(41);
  });

  it('pauses after every slice of the text, and hands JSON.parse no more than a run at a time', async () => {
    const text = eventsText(10_000);
    expect(text.length).to.be.within(1_000_000, 2_000_000);
    const pausedAt: number[] = [];
    const { result, lengths } = await watchJsonParse((parsed) =>
      parseJsonInSlices(text, {
        slice: 128 * 1024,
        run: 16 * 1024,
        pause: async () => void pausedAt.push(parsed.reduce((sum, length) => sum + length, 0)),
      }),
    );
    expect((result.value as { events: unknown[] }).events).to.have.length(10_000);
    expect(result.problems).to.deep.equal([]);
    // One pause per 128 K of text, give or take one.
    expect(pausedAt.length).to.be.within(Math.floor(text.length / (128 * 1024)) - 1, Math.ceil(text.length / (128 * 1024)));
    // Between two pauses, JSON.parse reads about one slice: never the whole text, never much more than a slice.
    const total = lengths.reduce((sum, length) => sum + length, 0);
    const perSlice = [...pausedAt, total].map((sum, i) => sum - (pausedAt[i - 1] ?? 0));
    expect(Math.max(...perSlice)).to.be.below(128 * 1024 + 16 * 1024 + 1024);
    expect(Math.max(...lengths)).to.be.below(16 * 1024 + 1024);
  });

  it('with a time for each slice, also pauses when that time has passed, looking at the clock every 32 members', async () => {
    const text = eventsText(3_200);
    let pauses = 0;
    const parsed = await parseJsonInSlices(text, { slice: 1e9, sliceMs: 0, run: 1024, pause: async () => void pauses++ });
    expect((parsed.value as { events: unknown[] }).events).to.have.length(3_200);
    expect(pauses).to.equal(100);
    // Without one, slices are counted in characters only.
    pauses = 0;
    await parseJsonInSlices(text, { slice: 1e9, run: 1024, pause: async () => void pauses++ });
    expect(pauses).to.equal(0);
  });

  it('a comma before the closing bracket of a large file: repaired in slices, with the warning parseJson gives', async () => {
    const text = eventsText(20_000, { trailingComma: true });
    let pauses = 0;
    const { result, lengths } = await watchJsonParse(() => parseJsonInSlices(text, { pause: async () => void pauses++ }));
    expect((result.value as { events: unknown[] }).events).to.have.length(20_000);
    expect(result.problems).to.have.length(1);
    expect(result.problems).to.deep.equal(whole(text).problems);
    expect(result.problems[0]).to.include({ severity: 'warning', path: '(file)' });
    expect(result.problems[0].message).to.match(/^The JSON has a comma before a closing bracket \(first at line 20002, column \d+\)/);
    // Never parsed in one go, never repaired as a whole.
    expect(Math.max(...lengths)).to.be.below(128 * 1024 + 1024);
    expect(pauses).to.be.at.least(Math.floor(text.length / (512 * 1024)));
  });

  it('comments in a large file are skipped in slices, with the warning parseJson gives', async () => {
    const text = eventsText(6_000).replace('"events": [', '"events": [ // the talks\n').replace(/\n\]\}$/, '\n/* end */]}');
    const { result, lengths } = await watchJsonParse(() => parseJsonInSlices(text, { run: 32 * 1024 }));
    expect((result.value as { events: unknown[] }).events).to.have.length(6_000);
    expect(result.problems).to.deep.equal(whole(text).problems);
    expect(result.problems[0].message).to.match(/^The JSON has comments \(first at line 2, column 13\)/);
    expect(Math.max(...lengths)).to.be.below(32 * 1024 + 1024);
  });

  it('refuses nesting past the limit at once, naming it, without parsing the rest', async () => {
    const depth = 100_000;
    const text = '{"events": [' + '['.repeat(depth) + ']'.repeat(depth) + '], "padding": "' + 'x'.repeat(1_800_000) + '"}';
    let pauses = 0;
    const { result, lengths } = await watchJsonParse(() => parseJsonInSlices(text, { pause: async () => void pauses++ }));
    expect(result.value).to.equal(undefined);
    expect(result.problems).to.deep.equal([{ path: '(file)', where: 'the file', message: tooDeepMessage(), severity: 'error' }]);
    expect(tooDeepMessage()).to.equal(`The data is nested more than ${MAX_JSON_DEPTH} levels deep; a timeline needs only a few levels of brackets.`);
    expect(lengths).to.deep.equal([]);
    expect(pauses).to.equal(0);
    // Within the limit, nesting is read.
    const deepest = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect((await parseJsonInSlices(deepest, { run: 64 })).problems).to.deep.equal([]);
    expect((await parseJsonInSlices('[' + deepest + ']', { run: 64 })).problems[0].message).to.equal(tooDeepMessage());
  });

  it('a mistake is explained as parseJson explains it', async () => {
    const text = eventsText(3_000).replace('"e1500",', '"e1500"');
    const parsed = await parseJsonInSlices(text, { run: 4096 });
    expect(parsed.value).to.equal(undefined);
    expect(parsed.problems).to.deep.equal(whole(text).problems);
    expect(parsed.problems[0].message).to.match(/^This is not valid JSON: at line 1503, column/);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const parsing = parseJsonInSlices(eventsText(5_000), { slice: 4096, signal: controller.signal, pause: async () => controller.abort() });
    let error: unknown;
    await parsing.catch((thrown) => (error = thrown));
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
