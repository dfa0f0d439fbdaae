// A page's own use of Lit, as a news site's other components may make it: lit-html creates its
// Trusted Types policy "lit-html" when it loads, and renders a line of its own.
import { html, render } from '/node_modules/lit-html/lit-html.js';

render(html`<p class="own-lit">Drawn by the page's own Lit</p>`, document.querySelector('#own-lit'));
