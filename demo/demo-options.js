// Lets the demo be viewed in other languages, themes and directions: ?locale=ar&theme=dark&dir=rtl,
// or ?lang=ar for a page in that language. The page's own settings are made at once, before the
// timeline is drawn; the timeline's attributes once it is in the document.
(function () {
  var params = new URLSearchParams(location.search);
  var root = document.documentElement;
  if (params.get('theme') === 'dark') root.classList.add('dark');
  if (params.get('dir')) root.dir = params.get('dir');
  if (params.get('lang')) root.lang = params.get('lang');
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('news-timeline').forEach(function (timeline) {
      ['locale', 'theme', 'start', 'end', 'selected', 'src'].forEach(function (name) {
        if (params.get(name)) timeline.setAttribute(name, params.get(name));
      });
    });
  });
})();
