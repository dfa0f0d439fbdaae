import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { frames, settled, shadow, wait } from '../helpers.js';
import { expectVisiblePage } from './visible.js';

/** Where something is registered: on the widget itself (gone with it), or anywhere else. */
type Owner = 'widget' | 'elsewhere';

interface Counts {
  /** Listeners on window, document and other nodes outside the widget. */
  listenersElsewhere: number;
  /** Listeners on the widget and the nodes of its shadow root. */
  listenersOnWidget: number;
  observers: number;
  timeouts: number;
  intervals: number;
  frames: number;
}

/**
 * Counts what is registered and still pending, by wrapping the registration APIs:
 * listeners (once and signal-removed ones included), Resize/Intersection/Mutation observers that
 * observe something, timeouts and animation frames not yet run nor cancelled, intervals not cleared.
 */
function installLedger(ownerOf: (target: unknown) => Owner) {
  const listeners = new Map<EventTarget, Set<string>>();
  const listenerIds = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (fn: object) => {
    let id = listenerIds.get(fn);
    if (id === undefined) listenerIds.set(fn, (id = nextId++));
    return id;
  };
  const keyOf = (type: string, listener: unknown, options: unknown) => {
    const capture = typeof options === 'boolean' ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture);
    return `${type}|${idOf(listener as object)}|${capture}`;
  };
  const target = EventTarget.prototype;
  const originalAdd = target.addEventListener;
  const originalRemove = target.removeEventListener;
  const forget = (on: EventTarget, key: string) => listeners.get(on)?.delete(key);
  target.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (listener) {
      const key = keyOf(type, listener, options);
      if (!listeners.has(this)) listeners.set(this, new Set());
      listeners.get(this)!.add(key);
      const opts = typeof options === 'object' ? options : undefined;
      if (opts?.once) {
        // A once listener is gone after it runs: note that by a listener of our own, added first.
        originalAdd.call(this, type, () => forget(this, key), { once: true, capture: opts.capture });
      }
      opts?.signal?.addEventListener('abort', () => forget(this, key), { once: true });
    }
    return originalAdd.call(this, type, listener, options);
  };
  target.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (listener) forget(this, keyOf(type, listener, options));
    return originalRemove.call(this, type, listener, options);
  };

  const observing = new Map<object, number>();
  const wrapObserver = <T extends { observe(...args: never[]): void; disconnect(): void }>(Original: new (...args: never[]) => T, name: string) => {
    const proto = Original.prototype as T & { unobserve?: (target: Element) => void };
    const observe = proto.observe;
    const disconnect = proto.disconnect;
    const unobserve = proto.unobserve;
    const targets = new WeakMap<object, Set<unknown>>();
    proto.observe = function (this: T, ...args: never[]) {
      if (!targets.has(this)) targets.set(this, new Set());
      targets.get(this)!.add(args[0]);
      observing.set(this, targets.get(this)!.size);
      return observe.apply(this, args);
    };
    proto.disconnect = function (this: T) {
      targets.get(this)?.clear();
      observing.delete(this);
      return disconnect.call(this);
    };
    if (unobserve) {
      proto.unobserve = function (this: T, element: Element) {
        const set = targets.get(this);
        set?.delete(element);
        if (!set?.size) observing.delete(this);
        return unobserve.call(this, element);
      };
    }
    return () => Object.assign(proto, { observe, disconnect, ...(unobserve ? { unobserve } : {}) }) && name;
  };
  const restoreObservers = [
    wrapObserver(ResizeObserver, 'ResizeObserver'),
    wrapObserver(IntersectionObserver, 'IntersectionObserver'),
    wrapObserver(MutationObserver, 'MutationObserver'),
  ];

  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const rafs = new Set<number>();
  // Typed as the browser has them (Node's types would make timer ids objects).
  interface Timers {
    setTimeout(handler: () => void, ms?: number): number;
    clearTimeout(id?: number): void;
    setInterval(handler: TimerHandler, ms?: number): number;
    clearInterval(id?: number): void;
    requestAnimationFrame(callback: FrameRequestCallback): number;
    cancelAnimationFrame(id: number): void;
  }
  const saved: Timers = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
  } as unknown as Timers;
  const win = window as unknown as Record<string, unknown>;
  win.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = saved.setTimeout.call(window, () => {
      timeouts.delete(id);
      if (typeof handler === 'function') handler(...args);
    }, ms);
    timeouts.add(id);
    return id;
  };
  win.clearTimeout = (id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    saved.clearTimeout.call(window, id);
  };
  win.setInterval = (handler: TimerHandler, ms?: number) => {
    const id = saved.setInterval.call(window, handler, ms);
    intervals.add(id);
    return id;
  };
  win.clearInterval = (id?: number) => {
    if (id !== undefined) intervals.delete(id);
    saved.clearInterval.call(window, id);
  };
  win.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const id: number = saved.requestAnimationFrame.call(window, (time) => {
      rafs.delete(id);
      callback(time);
    });
    rafs.add(id);
    return id;
  };
  win.cancelAnimationFrame = (id: number) => {
    rafs.delete(id);
    saved.cancelAnimationFrame.call(window, id);
  };

  return {
    counts(): Counts {
      let elsewhere = 0;
      let onWidget = 0;
      for (const [on, keys] of listeners) {
        if (ownerOf(on) === 'widget') onWidget += keys.size;
        else elsewhere += keys.size;
      }
      return {
        listenersElsewhere: elsewhere,
        listenersOnWidget: onWidget,
        observers: observing.size,
        timeouts: timeouts.size,
        intervals: intervals.size,
        frames: rafs.size,
      };
    },
    restore() {
      target.addEventListener = originalAdd;
      target.removeEventListener = originalRemove;
      for (const restore of restoreObservers) restore();
      Object.assign(win, saved);
    },
  };
}

const STORY = [
  { id: 'a', type: 'talks', date: '2024-01-10', title: 'Talks open', sources: [{ url: 'https://example.com/a' }] },
  { id: 'b', type: 'proposal', date: '2024-03-02', title: 'A proposal', sources: [{ url: 'https://example.com/b' }] },
  { id: 'c', type: 'casualties', date: '2024-04-01', title: 'Toll', figures: [{ label: 'Killed', value: 100, reportedBy: 'Ministry' }], sources: [{ url: 'https://example.com/c' }] },
  { id: 'd', type: 'talks', date: '2024-06-20', end: '2024-06-23', title: 'Round of talks', sources: [{ url: 'https://example.com/d' }] },
];

describe('lifecycle: nothing is left behind', function () {
  this.timeout(60_000);
  let element: NewsTimeline | undefined;
  const ledger = installLedger((target) => {
    if (!element) return 'elsewhere';
    if (target === element) return 'widget';
    return target instanceof Node && element.shadowRoot?.contains(target) ? 'widget' : 'elsewhere';
  });
  after(() => ledger.restore());

  /**
   * Counts once what runs by itself has run (frames, short timers, a zoom's transition): the
   * window holds still, and the counts hold still from one look to the next.
   */
  async function settledCounts(): Promise<Counts> {
    if (element?.isConnected) await settled(element);
    let last = '';
    for (;;) {
      await frames(3);
      await wait(100);
      const counts = ledger.counts();
      if (JSON.stringify(counts) === last) return counts;
      last = JSON.stringify(counts);
    }
  }

  it('the ledger sees what is left registered, and what is cleaned up', async () => {
    const before = ledger.counts();
    const listener = () => undefined;
    window.addEventListener('resize', listener);
    document.addEventListener('keydown', listener, { once: true });
    const observer = new ResizeObserver(listener);
    observer.observe(document.body);
    const timer = setTimeout(listener, 10_000);
    const frame = requestAnimationFrame(listener);
    expect(ledger.counts()).to.deep.equal({ ...before, listenersElsewhere: before.listenersElsewhere + 2, observers: before.observers + 1, timeouts: before.timeouts + 1, frames: before.frames + 1 });
    window.removeEventListener('resize', listener);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    observer.disconnect();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    expect(ledger.counts()).to.deep.equal(before);
  });

  it('removing and re-adding the element 1,000 times leaves no listener, observer, timer or frame behind', async () => {
    expectVisiblePage();
    const container = await fixture<HTMLDivElement>(html`<div style="width:900px"></div>`);
    const before = await settledCounts();

    element = document.createElement('news-timeline');
    const loaded = oneEvent(element, 'timeline-load');
    element.data = STORY;
    container.append(element);
    await loaded;
    // Use it a little as a reader would: zoom, open a detail, so every controller is at work.
    element.zoomIn();
    element.select('a');
    await element.updateComplete;
    const once = await settledCounts();
    expect(once.observers, 'the widget watches its size while connected').to.equal(before.observers + 1);

    for (let i = 0; i < 1000; i++) {
      element.remove();
      container.append(element);
      if (i % 50 === 0) element.zoomOut();
      await element.updateComplete;
    }
    expect(element.events).to.have.length(4);
    expect(shadow(element).querySelector('[data-event-id="a"]')).to.exist;
    const after = await settledCounts();
    expect(after, 'after 1,000 cycles, as after one').to.deep.equal(once);

    element.remove();
    const gone = await settledCounts();
    expect({ ...gone, listenersOnWidget: 0 }, 'once removed, as before it came').to.deep.equal({ ...before, listenersOnWidget: 0 });
    element = undefined;
  });

  it('a disconnect during a load is clean: the request, its timer and its listeners are gone', async () => {
    expectVisiblePage();
    const container = await fixture<HTMLDivElement>(html`<div style="width:900px"></div>`);
    const before = await settledCounts();
    element = document.createElement('news-timeline');
    const outcomes: string[] = [];
    element.addEventListener('timeline-load', () => outcomes.push('load'));
    element.addEventListener('timeline-error', () => outcomes.push('error'));
    element.src = `/__test/slow?ms=800&id=life-${Math.random()}`;
    container.append(element);
    await element.updateComplete;
    expect(shadow(element).querySelector('.status[role="status"]')).to.exist;
    expect(ledger.counts().timeouts, 'the load has its time limit running').to.be.greaterThan(before.timeouts);
    element.remove();
    await wait(1000);
    const gone = await settledCounts();
    expect(outcomes).to.deep.equal([]);
    expect({ ...gone, listenersOnWidget: 0 }).to.deep.equal({ ...before, listenersOnWidget: 0 });
    element = undefined;
  });
});
