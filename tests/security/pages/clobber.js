// A page's global that Lit would read as a polyfill hook.
window.litHtmlPolyfillSupport = {};
window.reactiveElementPolyfillSupport = {};
window.litElementPolyfillSupport = {};
