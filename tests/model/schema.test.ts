// The reader's side of the schema corpus. The schema's side (ajv) runs in Node, in
// tests/node/schema.test.mjs: ajv loads JSON files with require(), which the browser test
// runner does not serve as modules.
import { expect } from '@open-wc/testing';
import { readData } from '../../src/model/index.js';
import { corpus } from './corpus.js';

describe('data/schema.json', () => {
  it('is a draft 2020-12 schema of the native format', async () => {
    const response = await fetch('/data/schema.json');
    expect(response.ok).to.equal(true);
    const schema = await response.json();
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs)).to.include.members(['document', 'event', 'source', 'figure', 'date']);
  });

  it('has a corpus of at least 30 documents, good and bad', () => {
    expect(corpus.length).to.be.at.least(30);
    expect(corpus.filter((entry) => entry.valid).length).to.be.at.least(10);
    expect(corpus.filter((entry) => !entry.valid).length).to.be.at.least(10);
  });

  describe('the reader judges the corpus as the corpus says', () => {
    for (const entry of corpus) {
      it(`${entry.valid ? 'accepts' : 'refuses'}: ${entry.name}`, () => {
        const errors = readData(entry.doc).problems.filter((p) => p.severity === 'error');
        expect(errors.length === 0, JSON.stringify(errors)).to.equal(entry.valid);
      });
    }
  });
});
