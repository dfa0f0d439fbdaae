// Another script on the page that has taken the name <news-timeline> first.
customElements.define('news-timeline', class OtherTimeline extends HTMLElement {});
