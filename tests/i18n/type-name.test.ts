import { expect } from '@open-wc/testing';
import { createTranslator } from '../../src/i18n/translate.js';
import { typeName } from '../../src/i18n/type-name.js';

describe('i18n/type-name', () => {
  const declared = { strike: { label: 'Strikes' }, agreement: { label: 'Agreements', color: '#2a7d4f' }, unused: {} };
  const en = createTranslator('en');

  it('names a type from the declaration, then the built-in words, then the type as written', () => {
    const names = ['talks', 'proposal', 'strike', 'agreement', 'alpha', 'zeta', 'other', 'casualties', 'unused'].map((type) =>
      typeName(type, declared, en),
    );
    expect(names).to.deep.equal(['Talks', 'Proposals', 'Strikes', 'Agreements', 'alpha', 'zeta', 'Other', 'Casualties', 'unused']);
  });

  it('takes the declared label of a built-in type over the widget’s word', () => {
    expect(typeName('talks', { talks: { label: 'Negotiations', color: '#123456' } }, en)).to.equal('Negotiations');
  });

  it('names built-in types in the reader’s language, declared ones as the data says', () => {
    const fr = createTranslator('fr');
    expect(typeName('talks', declared, fr)).to.equal(fr.t('typeTalks'));
    expect(typeName('talks', declared, fr)).to.not.equal('Talks');
    expect(typeName('strike', declared, fr)).to.equal('Strikes');
  });

  it('does not take a type named like an object property for a declaration', () => {
    expect(typeName('toString', declared, en)).to.equal('toString');
    expect(typeName('constructor', {}, en)).to.equal('constructor');
  });
});
