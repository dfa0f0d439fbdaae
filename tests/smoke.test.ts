import { expect } from '@open-wc/testing';
import { BUILT_IN_TYPES } from '../src/model/types.js';

describe('smoke', () => {
  it('has built-in types', () => {
    expect(BUILT_IN_TYPES).to.include('talks');
  });
});
