import { expect } from '@open-wc/testing';
import { downloadName, nativeJson } from '../../src/editor/download.js';

describe('download', () => {
  it('names the file after the title, else the opened file', () => {
    expect(downloadName('Gaza ceasefire: négociations', 'x.csv')).to.equal('gaza-ceasefire-negociations.json');
    expect(downloadName(undefined, 'My Story (final).CSV')).to.equal('my-story-final.json');
    expect(downloadName('محادثات', undefined)).to.equal('timeline.json');
    expect(downloadName('a'.repeat(100), undefined)).to.equal(`${'a'.repeat(60)}.json`);
  });

  it('writes the data indented, ending with a line break', () => {
    expect(nativeJson({ types: {}, events: [] })).to.equal('{\n  "types": {},\n  "events": []\n}\n');
  });
});
