import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { figureStory, INITIAL_FIGURE_STATE, measureFor, type FigureState } from '../layout/figure-scene.js';
import type { Story } from '../layout/story.js';

/** What the figure controller reads on its host. */
export interface FigureHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The story shown, once loaded. */
  readonly story?: Story;
  /** The id of the selected event. */
  readonly selected: string | null;
}

/**
 * The reader's choices for the figure chart: which measure it shows, and which reporter's line the
 * pointer is on (named while it is). A tab or the "more" menu chooses the measure; reaching an
 * event that reports none of the measure shown (by keys, the list or a selection) shows one it
 * reports, so that its point is drawn. `state` is a new object at every change: the scene takes it
 * as an input.
 */
export class FigureController implements ReactiveController {
  state: FigureState = INITIAL_FIGURE_STATE;

  private story?: Story;
  private followed: { cursor: string | null; selected: string | null } = { cursor: null, selected: null };

  /** `cursor` tells the event that holds the keyboard's place. */
  constructor(
    private readonly host: FigureHost,
    private readonly cursor: () => string | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.renderRoot;
    root.addEventListener('click', this.onClick);
    root.addEventListener('change', this.onChange);
    root.addEventListener('pointerover', this.onPointerOver);
    root.addEventListener('pointerout', this.onPointerOut);
  }

  hostDisconnected(): void {
    const root = this.host.renderRoot;
    root.removeEventListener('click', this.onClick);
    root.removeEventListener('change', this.onChange);
    root.removeEventListener('pointerover', this.onPointerOver);
    root.removeEventListener('pointerout', this.onPointerOut);
  }

  /** Before each render: a new story starts from its first measure; an event newly reached brings its measure. */
  hostUpdate(): void {
    const { story, selected } = this.host;
    if (story !== this.story) {
      this.story = story;
      this.state = INITIAL_FIGURE_STATE;
      this.followed = { cursor: null, selected: null };
    }
    if (!story) return;
    const cursor = this.cursor();
    const reached = cursor !== this.followed.cursor ? cursor : selected !== this.followed.selected ? selected : null;
    this.followed = { cursor, selected };
    if (!reached) return;
    const measure = measureFor(figureStory(story), this.state.measure, reached);
    if (measure !== this.state.measure) this.state = { ...this.state, measure };
  }

  /** Shows a measure (by its label). */
  choose(measure: string): void {
    if (measure === this.state.measure) return;
    this.state = { ...this.state, measure };
    this.host.requestUpdate();
  }

  /** Names a reporter's line while the pointer is on it (null: none). */
  hover(reporter: string | null): void {
    if (reporter === this.state.hovered) return;
    this.state = { ...this.state, hovered: reporter };
    this.host.requestUpdate();
  }

  private readonly onClick = (event: Event): void => {
    const tab = (event.target as Element).closest?.<HTMLElement>('.measure-switcher [data-measure]');
    if (tab?.dataset.measure !== undefined) this.choose(tab.dataset.measure);
  };

  private readonly onChange = (event: Event): void => {
    const menu = event.target as HTMLSelectElement;
    if ((menu.classList?.contains('measure-more') || menu.classList?.contains('measure-menu')) && menu.value) this.choose(menu.value);
  };

  private readonly onPointerOver = (event: Event): void => {
    const line = (event.target as Element).closest?.<HTMLElement | SVGElement>('.figure-chart [data-reporter]');
    if (line) this.hover(line.dataset.reporter ?? null);
  };

  private readonly onPointerOut = (event: Event): void => {
    const to = (event as PointerEvent).relatedTarget as Element | null;
    if (!to?.closest?.('.figure-chart [data-reporter]')) this.hover(null);
  };
}
