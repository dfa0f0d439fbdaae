// Lets the demo be viewed in other languages, themes and directions: ?locale=ar&theme=dark&dir=rtl
(function () {
  var params = new URLSearchParams(location.search);
  document.addEventListener('DOMContentLoaded', function () {
    var root = document.documentElement;
    if (params.get('theme') === 'dark') root.classList.add('dark');
    if (params.get('dir')) root.dir = params.get('dir');
    if (params.get('lang')) root.lang = params.get('lang');
    document.querySelectorAll('news-timeline').forEach(function (timeline) {
      ['locale', 'theme', 'start', 'end', 'selected', 'src'].forEach(function (name) {
        if (params.get(name)) timeline.setAttribute(name, params.get(name));
      });
    });
  });
})();
