import { expect } from '@open-wc/testing';
import { TimelineErrorEvent, TimelineLoadEvent, TimelineSelectEvent, TimelineZoomEvent } from '../src/index.js';

describe('events', () => {
  it('are typed classes with the names and details of the contract, and cross shadow roots', () => {
    const start = new Date('2024-01-01T00:00Z');
    const end = new Date('2024-02-01T00:00Z');
    const events = [
      new TimelineLoadEvent({ events: 3, problems: [], title: 'Talks' }),
      new TimelineErrorEvent({ message: 'Not found', problems: [] }),
      new TimelineSelectEvent({ id: null, event: null }),
      new TimelineZoomEvent({ start, end }),
    ];
    expect(events.map((event) => event.type)).to.deep.equal(['timeline-load', 'timeline-error', 'timeline-select', 'timeline-zoom']);
    expect(events.map((event) => (event.constructor as unknown as { eventName: string }).eventName)).to.deep.equal(events.map((event) => event.type));
    for (const event of events) {
      expect(event).to.be.instanceOf(CustomEvent);
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    }
    expect(events[3].detail).to.deep.equal({ start, end });
  });

  it('reach a listener above a shadow root that holds their target', () => {
    const outer = document.createElement('div');
    const inner = outer.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(outer);
    let heard: TimelineZoomEvent | undefined;
    document.body.addEventListener('timeline-zoom', (event) => (heard = event), { once: true });
    inner.dispatchEvent(new TimelineZoomEvent({ start: new Date(0), end: new Date(1) }));
    outer.remove();
    expect(heard?.detail.end.getTime()).to.equal(1);
  });
});
