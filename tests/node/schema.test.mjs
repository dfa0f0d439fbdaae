// data/schema.json and the reader must agree on which native documents have errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { transform } from 'esbuild';
import { loadModel, root } from './model.mjs';

const { readData } = await loadModel();
const schema = JSON.parse(readFileSync(join(root, 'data', 'schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
// The corpus is shared with the browser tests, in TypeScript with no imports of its own.
const { code } = await transform(readFileSync(join(root, 'tests', 'model', 'corpus.ts'), 'utf8'), { loader: 'ts', format: 'esm' });
const { corpus } = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));

describe('data/schema.json', () => {
  it('is a valid draft 2020-12 schema', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  });

  it('has a corpus of at least 30 documents', () => {
    assert.ok(corpus.length >= 30, `the corpus has ${corpus.length} documents`);
  });

  for (const entry of corpus) {
    const verdict = entry.valid ? 'accept' : 'refuse';
    it(`schema and reader both ${verdict}: ${entry.name}`, () => {
      const readerValid = readData(entry.doc).problems.every((p) => p.severity !== 'error');
      assert.equal(readerValid, entry.valid, 'the reader');
      // Documented exceptions: only the reader can check a calendar or compare two fields.
      assert.equal(validate(entry.doc), entry.readerOnly ? true : entry.valid, `the schema: ${JSON.stringify(validate.errors)}`);
    });
  }

  it('accepts the default story in data/events.json, as the reader does', (t) => {
    let story;
    try {
      story = JSON.parse(readFileSync(join(root, 'data', 'events.json'), 'utf8'));
    } catch {
      t.skip('data/events.json is not there (yet)');
      return;
    }
    assert.equal(validate(story), true, JSON.stringify(validate.errors));
    assert.deepEqual(readData(story).problems.filter((p) => p.severity === 'error'), []);
  });
});
