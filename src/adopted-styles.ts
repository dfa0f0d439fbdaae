import { adoptStyles, type CSSResultOrNative } from 'lit';

/** The widget's style sheets as made in each other document it has been moved to. */
const sheetsIn = new WeakMap<Document, CSSStyleSheet[]>();

/**
 * Gives a shadow root the element's styles again after the element has moved to another document
 * (`adoptNode` into an iframe's, say): a constructed style sheet applies only in the document it
 * was made in, so the sheets are made anew there, once per document.
 */
export function restyleAfterMove(root: ShadowRoot | null, styles: readonly CSSResultOrNative[]): void {
  if (!root) return;
  const doc = root.ownerDocument;
  if (doc === document) {
    adoptStyles(root, [...styles]);
    return;
  }
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return;
  let sheets = sheetsIn.get(doc);
  if (!sheets) {
    sheets = styles.map((style) => {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(style instanceof CSSStyleSheet ? Array.from(style.cssRules, (rule) => rule.cssText).join('\n') : style.cssText);
      return sheet;
    });
    sheetsIn.set(doc, sheets);
  }
  root.adoptedStyleSheets = sheets;
}
