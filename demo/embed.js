// The iframe embed: one <news-timeline> set up from the query string, for CMSs that accept an
// iframe but no script. It takes data only from its own origin and the origins its deployment
// lists (<meta name="news-timeline-data-origins">), shows the data's own title, and tells the
// embedding page (the origin given as ?origin=, else its own) its height and which event is
// selected. See docs/embedding.md for the lines the parent page needs.
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var THEMES = ['light', 'dark', 'auto'];
  var lastHeight = -1;

  /** An origin as written ("https://news.example"), or null for anything else. */
  function origin(value) {
    try {
      var url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '') ? url.origin : null;
    } catch (error) {
      return null;
    }
  }

  /** The origins data may come from: this page's own, and those its deployment lists. */
  function dataOrigins() {
    var meta = document.querySelector('meta[name="news-timeline-data-origins"]');
    var listed = (meta && meta.getAttribute('content')) || '';
    return [location.origin].concat(listed.split(/\s+/).map(origin).filter(Boolean));
  }

  /**
   * `src` as given, when it resolves to http(s) on an allowed origin; otherwise why not. An address
   * such as "//elsewhere.example/x.json" or "https://a.example@elsewhere.example/" is judged by
   * where it really leads.
   */
  function checkSource(value) {
    if (!value) return { reason: 'none' };
    var url;
    try {
      url = new URL(value, document.baseURI);
    } catch (error) {
      return { reason: 'scheme' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: 'scheme' };
    if (dataOrigins().indexOf(url.origin) < 0) return { reason: 'origin', origin: url.origin };
    return { src: value };
  }

  // Messages go to the embedding page's origin only: the one the embed code names, else this
  // page's own (a page on the same site).
  var parentOrigin = params.get('origin') ? origin(params.get('origin')) : location.origin;

  function post(message) {
    if (window.parent !== window && parentOrigin) window.parent.postMessage(message, parentOrigin);
  }

  function postHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: 'news-timeline:height', height: height });
  }

  function showMessage(text) {
    var message = document.querySelector('.embed-message');
    message.textContent = text;
    message.hidden = false;
  }

  function setUp() {
    var timeline = document.querySelector('news-timeline');
    var source = checkSource(params.get('src'));

    if (params.get('locale')) timeline.setAttribute('locale', params.get('locale'));
    if (THEMES.indexOf(params.get('theme')) >= 0) timeline.setAttribute('theme', params.get('theme'));
    if (params.get('dir') === 'rtl' || params.get('dir') === 'ltr') timeline.setAttribute('dir', params.get('dir'));
    ['start', 'end', 'selected'].forEach(function (name) {
      if (params.get(name)) timeline.setAttribute(name, params.get(name));
    });

    timeline.addEventListener('timeline-load', function (event) {
      // The data's own title, never one from the address.
      var title = event.detail && event.detail.title;
      document.title = title ? 'Timeline: ' + title : 'Timeline';
    });
    timeline.addEventListener('timeline-select', function (event) {
      post({ type: 'news-timeline:select', id: event.detail.id });
    });

    if (source.src) {
      timeline.setAttribute('src', source.src);
    } else {
      timeline.hidden = true;
      showMessage(
        source.reason === 'none'
          ? 'This timeline cannot be shown: the embed code gives no data address (?src=…).'
          : source.reason === 'scheme'
            ? 'This timeline cannot be shown: its data address must start with http:// or https://.'
            : 'This timeline cannot be shown: this page does not take data from ' + source.origin + '.',
      );
    }

    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(postHeight).observe(document.documentElement);
    } else {
      window.addEventListener('resize', postHeight);
    }
    postHeight();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
