import { expect, fixture, html as testHtml, oneEvent } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { SizeController } from '../../src/controllers/resize-controller.js';
import { frames, loadedTimeline, mark, nextFrame, plot, shadow } from '../helpers.js';

/** The smallest host a SizeController needs: one box to watch, and a count of its updates. */
class WidthHost extends LitElement {
  readonly size = new SizeController(this);
  updates = 0;

  override render() {
    return html`<div class="box" style="width:100%;height:20px"></div>`;
  }

  override willUpdate(): void {
    if (!this.hasUpdated) this.size.take(this);
  }

  override firstUpdated(): void {
    this.size.observe(this.renderRoot.querySelector('.box')!);
  }

  override updated(): void {
    this.updates++;
  }
}
customElements.define('test-width-host', WidthHost);

async function widthHost(width: number): Promise<{ element: WidthHost; container: HTMLDivElement }> {
  const container = await fixture<HTMLDivElement>(testHtml`<div style="width:${width}px"></div>`);
  const element = document.createElement('test-width-host') as WidthHost;
  element.style.display = 'block';
  container.append(element);
  await element.updateComplete;
  await frames(2);
  return { element, container };
}

describe('controllers/resize-controller, on a host of its own', () => {
  it('has the width at the first drawing, before any observation', async () => {
    const container = await fixture<HTMLDivElement>(testHtml`<div style="width:640px"></div>`);
    const element = document.createElement('test-width-host') as WidthHost;
    element.style.display = 'block';
    container.append(element);
    await element.updateComplete;
    expect(element.size.width).to.equal(640);
  });

  it('follows the box in the frame after it changed, and updates the host for it', async () => {
    const { element, container } = await widthHost(640);
    const before = element.updates;
    container.style.width = '480.6px';
    await nextFrame();
    await frames(2);
    await element.updateComplete;
    expect(element.size.width).to.equal(480);
    expect(element.updates).to.be.greaterThan(before);
  });

  it('watches nothing once the host has left, and watches again when it is back', async () => {
    const { element, container } = await widthHost(640);
    element.remove();
    container.style.width = '300px';
    container.append(element);
    await frames(3);
    await element.updateComplete;
    expect(element.size.width).to.equal(300);
    element.remove();
    container.style.width = '200px';
    await frames(3);
    expect(element.size.width).to.equal(300);
  });
});

describe('controllers/resize-controller in <news-timeline>: size', () => {
  it('a timeline first shown out of a display:none container lays itself out', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="display:none;width:640px"></div>`);
    const element = document.createElement('news-timeline');
    const loaded = oneEvent(element, 'timeline-load');
    element.src = new URL('../fixtures/small.json', import.meta.url).href;
    container.append(element);
    await loaded;
    container.style.display = 'block';
    await frames(4);
    await element.updateComplete;
    expect(shadow(element).querySelector('.plot')!.getBoundingClientRect().width).to.equal(640);
    const left = shadow(element).querySelector('.plot')!.getBoundingClientRect().left;
    const xs = ['talks-doha', 'proposal-may', 'cairo-round', 'deal'].map((id) => mark(element, id).getBoundingClientRect().left - left);
    expect(xs[0]).to.be.above(0);
    expect(xs[3]).to.be.below(640);
    expect([...xs].sort((a, b) => a - b)).to.deep.equal(xs);
    expect(new Set(xs).size).to.equal(4);
  });

  it('the width follows the container', async () => {
    const element = await loadedTimeline();
    element.parentElement!.style.width = '420px';
    await frames(4);
    await element.updateComplete;
    expect(shadow(element).querySelector('.plot')!.getBoundingClientRect().width).to.equal(420);
    expect(shadow(element).querySelector('.overview svg')!.getBoundingClientRect().width).to.equal(420);
  });

  it('the height fits the axis at the top, the lanes and the figures track', async () => {
    const element = await loadedTimeline();
    const plotBox = plot(element).getBoundingClientRect();
    const axis = shadow(element).querySelector('.axis')!.getBoundingClientRect();
    expect(axis.top).to.be.closeTo(plotBox.top, 1);
    const lanes = [...shadow(element).querySelectorAll('.lane')];
    expect(lanes).to.have.length(3);
    expect(lanes[0].getBoundingClientRect().top).to.be.closeTo(axis.bottom, 1);
    const panels = [...shadow(element).querySelectorAll('.figures')];
    expect(panels[panels.length - 1].getBoundingClientRect().bottom).to.be.closeTo(plotBox.bottom, 1);
  });
});
