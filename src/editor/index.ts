// The editor's tool, built to dist/editor.js for demo/editor.html.
import { startEditor } from './editor-page.js';

startEditor();
