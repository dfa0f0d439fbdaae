import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import '../src/index.js';

// The package as another project consumes it: package.json's entry points, the declaration files
// and custom-elements.json (read by editors, Storybook and documentation tools).

interface ManifestItem {
  name: string;
  description?: string;
}
interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: (ManifestItem & { fieldName?: string })[];
  events?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
  members?: (ManifestItem & { kind: string; privacy?: string; static?: boolean })[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}
type Exports = Record<string, string | Record<string, string>>;
interface PackageJson {
  main: string;
  module: string;
  types: string;
  exports: Exports;
  files: string[];
  customElements: string;
  scripts: Record<string, string>;
}

/** A file of the project as it is on disk (not as the test server would transform it). */
async function text(path: string): Promise<string> {
  const content = await readFile({ path: `../${path}` });
  expect(content, `${path} exists`).to.be.a('string');
  return content!;
}

async function json<T>(path: string): Promise<T> {
  return JSON.parse(await text(path)) as T;
}

function element(manifest: Manifest): ManifestDeclaration {
  const found = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'news-timeline');
  if (!found) throw new Error('custom-elements.json declares no <news-timeline>');
  return found;
}

const names = (items: ManifestItem[] | undefined) => (items ?? []).map((item) => item.name);

describe('package: custom-elements.json', () => {
  it('declares <news-timeline> as a custom element with every attribute of the contract', async () => {
    const declaration = element(await json<Manifest>('custom-elements.json'));
    expect(declaration.customElement).to.equal(true);
    expect(declaration.name).to.equal('NewsTimeline');
    expect(names(declaration.attributes)).to.include.members(['src', 'locale', 'start', 'end', 'selected', 'theme']);
    for (const attribute of declaration.attributes ?? []) {
      expect(attribute.description, `@attr ${attribute.name} is described`).to.be.a('string').and.not.equal('');
    }
  });

  it('lists the same attributes as the element observes (the file is not stale)', async () => {
    const declaration = element(await json<Manifest>('custom-elements.json'));
    const observed = (customElements.get('news-timeline') as unknown as { observedAttributes: string[] }).observedAttributes;
    expect([...names(declaration.attributes)].sort()).to.deep.equal([...observed].sort());
  });

  it('lists the four events, the parts and the custom properties', async () => {
    const declaration = element(await json<Manifest>('custom-elements.json'));
    // Exactly the four: an event the analyzer guesses from code would show up in editors' docs.
    expect([...names(declaration.events)].sort()).to.deep.equal([
      'timeline-error',
      'timeline-load',
      'timeline-select',
      'timeline-zoom',
    ]);
    for (const event of declaration.events ?? []) {
      expect(event.description, `@fires ${event.name} is described`).to.be.a('string').and.not.equal('');
    }
    expect(names(declaration.cssParts)).to.include.members(['event', 'detail', 'list', 'error', 'controls', 'axis']);
    expect(names(declaration.cssProperties)).to.include.members([
      '--nt-font',
      '--nt-bg',
      '--nt-fg',
      '--nt-muted',
      '--nt-accent',
    ]);
    expect(names(declaration.cssProperties).some((name) => name.startsWith('--nt-color-'))).to.equal(true);
  });

  it('documents the public methods', async () => {
    const declaration = element(await json<Manifest>('custom-elements.json'));
    const methods = (declaration.members ?? [])
      .filter((member) => member.kind === 'method' && (member.privacy ?? 'public') === 'public' && !member.static)
      .map((member) => member.name);
    expect(methods).to.include.members(['zoomTo', 'zoomIn', 'zoomOut', 'resetZoom', 'select']);
  });
});

describe('package: package.json', () => {
  it('points customElements, types and the "." export at the built files, types first', async () => {
    const pkg = await json<PackageJson>('package.json');
    expect(pkg.customElements).to.equal('custom-elements.json');
    expect(pkg.types).to.equal('dist/types/index.d.ts');
    const main = pkg.exports['.'] as Record<string, string>;
    expect(Object.keys(main)[0]).to.equal('types');
    expect(main.types).to.equal('./dist/types/index.d.ts');
    expect(main.import).to.equal('./dist/news-timeline.js');
    expect(pkg.exports['./dist/news-timeline.iife.js']).to.equal('./dist/news-timeline.iife.js');
  });

  it('ships every file its exports name', async () => {
    const pkg = await json<PackageJson>('package.json');
    const targets = new Set<string>();
    for (const value of Object.values(pkg.exports)) {
      for (const target of typeof value === 'string' ? [value] : Object.values(value)) targets.add(target);
    }
    expect(targets.size).to.be.greaterThan(5);
    for (const target of targets) {
      const path = target.replace(/^\.\//, '');
      const shipped = pkg.files.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
      expect(shipped || path === 'package.json', `${path} is in "files"`).to.equal(true);
      expect(await readFile({ path: `../${path}` }), `${path} exists after the build`).to.be.a('string');
    }
  });

  it('builds the declarations and the manifest as part of "build"', async () => {
    const pkg = await json<PackageJson>('package.json');
    expect(pkg.scripts.build).to.contain('build:types').and.contain('analyze');
    expect(pkg.scripts.analyze).to.match(/^cem analyze --litelement --globs src\/news-timeline\.ts/);
    expect(pkg.scripts['build:types']).to.equal('tsc -p tsconfig.build.json');
  });
});

describe('package: declaration files', () => {
  it('types the element, its events and the data for TypeScript users', async () => {
    const index = await text('dist/types/index.d.ts');
    expect(index).to.contain('NewsTimeline');
    expect(index).to.match(/'news-timeline': NewsTimeline/);
    const element = await text('dist/types/news-timeline.d.ts');
    expect(element).to.match(/zoomTo\(start: Date \| string, end: Date \| string\): void/);
    // The element's own workings, shared with its controllers, are not part of what users see.
    expect(element).not.to.match(/hiddenTypes|showType|story\?: Story/);
    const events = await text('dist/types/events.d.ts');
    expect(events).to.match(/class TimelineSelectEvent extends CustomEvent<TimelineSelectDetail>/);
    expect(events).to.match(/'timeline-select': TimelineSelectEvent/);
    expect(index).to.contain('TimelineSelectEvent');
    const model = await text('dist/types/model/index.d.ts');
    expect(model).to.contain("from './types.js'");
  });
});
