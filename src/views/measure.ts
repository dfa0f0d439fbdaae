/**
 * Measures text as the chart sets it (12 px, in the widget's font) on a canvas that is never
 * shown: the layout asks for every label's width in every frame, and reading widths from the DOM
 * would lay the page out each time. Widths are kept per text.
 */
export class TextMeasure {
  private context?: CanvasRenderingContext2D | null;
  private fontFamily = 'sans-serif';
  private font = '';
  private readonly widths = new Map<string, number>();

  /** `host` gives the font family, read once, at the first measure. */
  constructor(private readonly host: Element) {}

  /** Width (px) of `text`; `bold` for the axis' context row (weight 600). */
  readonly measure = (text: string, bold = false): number => {
    const key = bold ? `b|${text}` : text;
    let width = this.widths.get(key);
    if (width !== undefined) return width;
    if (this.context === undefined) {
      this.context = document.createElement('canvas').getContext('2d');
      this.fontFamily = getComputedStyle(this.host).fontFamily || 'sans-serif';
    }
    const context = this.context;
    const font = `${bold ? 600 : 400} 12px ${this.fontFamily}`;
    // Setting a font parses it, even the same one again: only a change of weight sets it.
    if (context && this.font !== font) context.font = this.font = font;
    width = context ? context.measureText(text).width : text.length * (bold ? 7 : 6.5);
    if (this.widths.size > 5000) this.widths.clear();
    this.widths.set(key, width);
    return width;
  };
}
