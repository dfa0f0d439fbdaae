const mounted: HTMLElement[] = [];

/**
 * A container `width` px wide in the page, removed after the test. Unlike open-wc's `fixture`, it
 * does not wait for an animation frame, so tests that need none also run in a background tab.
 */
export function mount(width = 1000): HTMLDivElement {
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  document.body.append(container);
  mounted.push(container);
  return container;
}

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});
