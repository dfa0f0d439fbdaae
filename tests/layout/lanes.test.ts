import { expect } from '@open-wc/testing';
import { BUILT_IN_TYPE_STYLES, buildLanes, laneColorValue, laneColorVar, sanitizeTypeName, TYPE_PALETTE } from '../../src/layout/lanes.js';
import { contrastRatio } from '../contrast.js';
import { ev } from './fixtures.js';

describe('layout/lanes', () => {
  const events = [
    ev('1', '2024-01-01', { type: 'other' }),
    ev('2', '2024-01-02', { type: 'zeta' }),
    ev('3', '2024-01-03', { type: 'casualties' }),
    ev('4', '2024-01-04', { type: 'agreement' }),
    ev('5', '2024-01-05', { type: 'proposal' }),
    ev('6', '2024-01-06', { type: 'alpha' }),
    ev('7', '2024-01-07', { type: 'talks' }),
    ev('8', '2024-01-08', { type: 'strike' }),
    ev('9', '2024-01-09', { type: 'talks' }),
  ];
  const declared = { strike: { label: 'Strikes' }, agreement: { label: 'Agreements', color: '#2a7d4f' }, unused: {} };

  it('orders talks, proposal, declared types as declared, others A–Z, then other', () => {
    const lanes = buildLanes(events, declared);
    expect(lanes.map((l) => l.type)).to.deep.equal(['talks', 'proposal', 'strike', 'agreement', 'alpha', 'zeta', 'other']);
  });

  it('leaves casualties to the figures track', () => {
    const lanes = buildLanes([ev('3', '2024-01-03', { type: 'casualties' })], {});
    expect(lanes).to.deep.equal([]);
  });

  it('keeps each lane’s events in date order', () => {
    const lanes = buildLanes(events, declared);
    expect(lanes[0].events.map((e) => e.id)).to.deep.equal(['7', '9']);
    expect(lanes.reduce((n, l) => n + l.events.length, 0)).to.equal(8);
  });

  it('colours from the declaration, the built-in colours, then the palette by declaration order', () => {
    const lanes = buildLanes(events, declared);
    const color = Object.fromEntries(lanes.map((l) => [l.type, l.color]));
    expect(color.talks).to.equal('#3a73c9');
    expect(color.proposal).to.equal('#b86e00');
    expect(color.other).to.equal('#767b86');
    expect(color.agreement).to.equal('#2a7d4f');
    expect(color.strike).to.equal(TYPE_PALETTE[0]);
    // After the three declared types (strike, agreement, unused): alpha then zeta.
    expect(color.alpha).to.equal(TYPE_PALETTE[3]);
    expect(color.zeta).to.equal(TYPE_PALETTE[4]);
  });

  it('gives every lane its own shape while shapes last, then reuses them in order', () => {
    const lanes = buildLanes(events, declared);
    const shape = Object.fromEntries(lanes.map((l) => [l.type, l.shape]));
    expect(shape).to.deep.equal({
      talks: 'circle',
      proposal: 'diamond',
      strike: 'square',
      agreement: 'triangle',
      alpha: 'star',
      zeta: 'square',
      other: 'hexagon',
    } as Record<string, string>);
  });

  it('hands out shapes the built-in types leave free', () => {
    const lanes = buildLanes(
      [ev('1', '2024-01-01', { type: 'talks' }), ev('2', '2024-01-02', { type: 'a' }), ev('3', '2024-01-03', { type: 'b' })],
      {},
    );
    expect(lanes.map((l) => l.shape)).to.deep.equal(['circle', 'square', 'triangle']);
  });

  it('keeps the star for the figures track when casualties are present', () => {
    const types = ['a', 'b', 'c', 'd'];
    const list = [ev('c', '2024-01-01', { type: 'casualties' }), ...types.map((t, i) => ev(t, `2024-01-0${i + 2}`, { type: t }))];
    const lanes = buildLanes(list, {});
    expect(lanes.map((l) => l.shape)).to.deep.equal(['square', 'triangle', 'hexagon', 'circle']);
  });

  it('treats a declared built-in type as built in but takes its declared colour', () => {
    const lanes = buildLanes([ev('1', '2024-01-01', { type: 'talks' })], { talks: { label: 'Negotiations', color: '#123456' } });
    expect(lanes).to.have.length(1);
    expect(lanes[0]).to.include({ type: 'talks', color: '#123456', shape: 'circle' });
  });

  it('makes a custom property name for each type', () => {
    expect(laneColorVar('talks')).to.equal('--nt-color-talks');
    expect(laneColorVar('Peace Deal')).to.equal('--nt-color-peace-deal');
    expect(laneColorVar('négociation_2')).to.equal('--nt-color-negociation-2');
    expect(laneColorVar('اتفاق')).to.equal('--nt-color-u627-62a-641-627-642');
    expect(sanitizeTypeName('--a..b--')).to.equal('a-b');
    expect(laneColorValue({ type: 'talks', color: '#3a73c9' })).to.equal('var(--nt-color-talks, #3a73c9)');
    const lanes = buildLanes([ev('1', '2024-01-01', { type: 'Peace Deal' })], {});
    expect(lanes[0].colorVar).to.equal('--nt-color-peace-deal');
  });

  describe('colours', () => {
    const builtIn = Object.entries(BUILT_IN_TYPE_STYLES).map(([type, style]) => [type, style.color] as const);
    const palette = TYPE_PALETTE.map((color, i) => [`palette ${i}`, color] as const);
    for (const [name, color] of [...builtIn, ...palette]) {
      it(`${name} (${color}) has 3:1 contrast on light and dark`, () => {
        expect(contrastRatio(color, '#ffffff')).to.be.at.least(3);
        expect(contrastRatio(color, '#16181d')).to.be.at.least(3);
      });
    }

    it('gives every lane a colour and shape pair of its own, beyond the palette, that meets the contrast rule', () => {
      const types = Array.from({ length: 20 }, (_, i) => `type-${String(i).padStart(2, '0')}`);
      const list = [
        ev('t', '2024-01-01', { type: 'talks' }), ev('p', '2024-01-01', { type: 'proposal' }), ev('o', '2024-01-01', { type: 'other' }),
        ...types.map((type, i) => ev(type, `2024-02-${String(1 + i).padStart(2, '0')}`, { type })),
      ];
      for (const declared of [{}, Object.fromEntries(types.map((type) => [type, {}]))]) {
        const lanes = buildLanes(list, declared);
        expect(lanes).to.have.length(23);
        const pairs = lanes.map((lane) => `${lane.color} ${lane.shape}`);
        expect(new Set(pairs).size, pairs.join(', ')).to.equal(pairs.length);
        for (const lane of lanes) {
          expect(contrastRatio(lane.color, '#ffffff'), lane.type).to.be.at.least(3);
          expect(contrastRatio(lane.color, '#16181d'), lane.type).to.be.at.least(3);
        }
      }
    });

    it('has distinct colours and shapes for the built-in types', () => {
      const styles = Object.values(BUILT_IN_TYPE_STYLES);
      expect(new Set(styles.map((s) => s.color)).size).to.equal(4);
      expect(new Set(styles.map((s) => s.shape)).size).to.equal(4);
      expect(new Set(TYPE_PALETTE).size).to.equal(TYPE_PALETTE.length);
    });
  });
});
