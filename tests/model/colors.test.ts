import { expect } from '@open-wc/testing';
import { isCssColor } from '../../src/model/colors.js';

describe('isCssColor', () => {
  const good = [
    '#2a7d4f', '#2A7D4F', '#abc', '#abcd', '#2a7d4f80', ' #2a7d4f ',
    'rgb(42, 125, 79)', 'rgba(42,125,79,0.5)', 'rgb(42 125 79)', 'rgb(42 125 79 / 50%)', 'rgb(16%, 49%, 31%)',
    'hsl(145, 50%, 33%)', 'hsla(145deg, 50%, 33%, .5)', 'hsl(0.4turn 50% 33% / 0.8)', 'HSL(145, 50%, 33%)',
    'seagreen', 'SeaGreen', 'rebeccapurple', 'transparent', 'papayawhip',
  ];
  for (const color of good) {
    it(`accepts ${JSON.stringify(color)}`, () => expect(isCssColor(color)).to.equal(true));
  }

  const bad = [
    '', '2a7d4f', '#2a7d4', '#ggg', '#2a7d4f;', 'red;', 'red; background: url(x)', 'red}', '}',
    'url(https://evil.example/x.png)', 'expression(alert(1))', 'var(--x)', 'rgb(var(--r), 0, 0)',
    'rgb(1, 2)', 'rgb(1, 2, 3, 4, 5)', 'rgb(a, b, c)', 'rgb(1 2 3 / )', 'rgb((1), 2, 3)', 'rgb(1, 2, 3',
    'hsl(145, 50%)', 'calc(1)', 'currentcolor', 'inherit', 'notacolour', 'red blue', 'color-mix(in srgb, red, blue)',
    'rgb(1,2,3)/**/', '#abc\\', '#abc)', 'r\u0065d;', 'x'.repeat(100),
  ];
  for (const color of bad) {
    it(`refuses ${JSON.stringify(color.length > 30 ? color.slice(0, 30) + '…' : color)}`, () => expect(isCssColor(color)).to.equal(false));
  }

  it('refuses what is not text', () => {
    expect(isCssColor(undefined as unknown as string)).to.equal(false);
    expect(isCssColor(0x2a7d4f as unknown as string)).to.equal(false);
  });
});
