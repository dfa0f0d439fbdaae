import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { DrawStage, FirstDrawController } from '../../src/controllers/first-draw-controller.js';
import { until } from '../helpers.js';

/** The smallest host a FirstDrawController needs: a story to draw, and the stage of each update. */
class DrawHost extends LitElement {
  readonly firstDraw = new FirstDrawController(this);
  story?: object;
  stages: DrawStage[] = [];

  override render() {
    this.stages.push(this.firstDraw.stageOf(this.story));
    return html`<div></div>`;
  }
}
customElements.define('test-draw-host', DrawHost);

describe('controllers/first-draw-controller, on a host of its own', () => {
  it('draws a new story in three updates, each in a task of its own, and says when it is whole', async () => {
    // (Whether a stage waited for a task of its own is told by the microtasks below: none moved it on.)
    const host = await fixture<DrawHost>(testHtml`<test-draw-host></test-draw-host>`);
    expect(host.stages).to.deep.equal([DrawStage.Whole]);
    host.story = {};
    host.stages = [];
    let whole = false;
    host.requestUpdate();
    await host.updateComplete;
    void host.firstDraw.drawn.then(() => (whole = true));
    // Not in the same task: microtasks later it is still only laid out.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(host.stages).to.deep.equal([DrawStage.LaidOut]);
    await until(() => host.stages.length >= 2, 'the lanes drawn');
    expect(host.stages.slice(0, 2)).to.deep.equal([DrawStage.LaidOut, DrawStage.Lanes]);
    await host.firstDraw.drawn;
    expect(host.stages).to.deep.equal([DrawStage.LaidOut, DrawStage.Lanes, DrawStage.Whole]);
    expect(whole).to.equal(true);
    // Nothing new: an update stays whole.
    host.requestUpdate();
    await host.updateComplete;
    expect(host.stages.at(-1)).to.equal(DrawStage.Whole);
  });

  it('draws a story that takes the place of one drawn at once, and the first one\'s promise resolves all the same', async () => {
    const host = await fixture<DrawHost>(testHtml`<test-draw-host></test-draw-host>`);
    host.story = {};
    host.requestUpdate();
    await host.updateComplete;
    const first = host.firstDraw.drawn;
    host.story = {};
    host.stages = [];
    host.requestUpdate();
    await host.updateComplete;
    await first;
    expect(host.stages).to.deep.equal([DrawStage.Whole]);
    // None drawn (the data went): the next is drawn in stages again.
    host.story = undefined;
    host.requestUpdate();
    await host.updateComplete;
    host.story = {};
    host.stages = [];
    host.requestUpdate();
    await host.updateComplete;
    expect(host.stages).to.deep.equal([DrawStage.LaidOut]);
    await host.firstDraw.drawn;
    expect(host.stages.at(-1)).to.equal(DrawStage.Whole);
  });
});
