// The iframe embed: one <news-timeline> set up from the query string, for CMSs that accept an
// iframe but no script. It tells the parent page its height, so the iframe can fit the timeline
// (see docs/embedding.md for the lines the parent page needs), and which event is selected.
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var THEMES = ['light', 'dark', 'auto'];
  var lastHeight = -1;

  /** `src` as given if it is http(s) or relative to this page; null for any other scheme. */
  function safeSource(value) {
    if (!value) return null;
    try {
      var url = new URL(value, location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? value : null;
    } catch (error) {
      return null;
    }
  }

  function post(message) {
    // The parent's origin is unknown (any news site); the messages hold nothing private.
    if (window.parent !== window) window.parent.postMessage(message, '*');
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
    var src = safeSource(params.get('src'));

    if (params.get('locale')) timeline.setAttribute('locale', params.get('locale'));
    if (THEMES.indexOf(params.get('theme')) >= 0) timeline.setAttribute('theme', params.get('theme'));
    if (params.get('dir') === 'rtl' || params.get('dir') === 'ltr') timeline.setAttribute('dir', params.get('dir'));
    ['start', 'end', 'selected'].forEach(function (name) {
      if (params.get(name)) timeline.setAttribute(name, params.get(name));
    });
    if (params.get('title')) document.title = params.get('title');

    timeline.addEventListener('timeline-select', function (event) {
      post({ type: 'news-timeline:select', id: event.detail.id });
    });

    if (src) {
      timeline.setAttribute('src', src);
    } else {
      timeline.hidden = true;
      showMessage(
        params.get('src')
          ? 'This timeline cannot be shown: its data address must start with http:// or https://.'
          : 'This timeline cannot be shown: the embed code gives no data address (?src=…).',
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
