import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where a story's first drawing is: laid out but not drawn yet (the loading state still shows),
 * the axis and the lanes drawn, or drawn whole (the figure chart too).
 */
export const DrawStage = { LaidOut: 0, Lanes: 1, Whole: 2 } as const;
export type DrawStage = (typeof DrawStage)[keyof typeof DrawStage];

/**
 * A story's first drawing in three tasks, so that none of them holds the page long: the scene's
 * lanes are laid out in the first, drawn in the next, and the figure chart is laid out and drawn
 * in the last. What the reader finally sees is the same; `drawn` resolves once it is whole. Only
 * a story that comes where none was drawn (the loading state shows) is drawn so.
 */
export class FirstDrawController implements ReactiveController {
  private story?: object;
  /** How far the drawing of the story shown last is. */
  stage: DrawStage = DrawStage.Whole;
  private timer?: ReturnType<typeof setTimeout>;
  private done: () => void = () => undefined;
  /** Resolves once the story shown last is drawn whole (its figure chart too). */
  drawn: Promise<void> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.stage = DrawStage.Whole;
    this.done();
  }

  /** How far `story`'s drawing is in this update (a new story starts over). */
  stageOf(story: object | undefined): DrawStage {
    if (story !== this.story) {
      clearTimeout(this.timer);
      this.done();
      // A story in place of one drawn (the element moved, new data) is drawn at once: the reader
      // would see the loading state flash over a chart.
      const staged = Boolean(story) && !this.story;
      this.story = story;
      this.stage = staged ? DrawStage.LaidOut : DrawStage.Whole;
      this.drawn = staged ? new Promise((resolve) => (this.done = resolve)) : Promise.resolve();
      if (staged) this.next();
    }
    return this.stage;
  }

  /** The next stage, in a task of its own once this update is done. */
  private next(): void {
    const story = this.story;
    void this.host.updateComplete.then(() => {
      if (story !== this.story) return;
      if (this.stage === DrawStage.Whole) return this.done();
      this.timer = setTimeout(() => {
        if (story !== this.story) return;
        this.stage = (this.stage + 1) as DrawStage;
        this.host.requestUpdate();
        this.next();
      }, 0);
    });
  }
}
