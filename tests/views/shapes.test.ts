import { expect } from '@open-wc/testing';
import { contrastRatio } from '../../src/layout/lanes.js';
import { seriesLook } from '../../src/views/shapes.js';

describe('views/shapes', () => {
  it('gives every reporter of a measure its own colour and shape, beyond the sixth', () => {
    const looks = Array.from({ length: 36 }, (_, i) => seriesLook(i));
    const pairs = looks.map((look) => `${look.color} ${look.shape}`);
    expect(new Set(pairs).size).to.equal(36);
    const full = looks.map((look) => `${look.color} ${look.shape} ${look.dash}`);
    expect(new Set(full).size).to.equal(36);
    for (const look of looks) {
      expect(contrastRatio(look.color, '#ffffff')).to.be.at.least(3);
      expect(contrastRatio(look.color, '#16181d')).to.be.at.least(3);
    }
    // The first six are as before: colour, shape and dash all differ.
    expect(looks.slice(0, 6).map((look) => look.shape)).to.deep.equal(['circle', 'square', 'diamond', 'triangle', 'hexagon', 'star']);
  });
});
