// Mounts the coalition tracker into every [data-coalition-tracker] element on the page.
// The wasm does the work; this file only loads it and reports failure in words.
import init, { Widget } from './pkg/coalition_tracker.js';

const containers = [...document.querySelectorAll('[data-coalition-tracker]')];

function showError(container, message) {
  const p = document.createElement('p');
  p.className = 'ct-error';
  p.textContent = message;
  container.replaceChildren(p);
  container.dataset.state = 'error';
}

try {
  await init();
  for (const container of containers) {
    try {
      container.widget = new Widget(container, container.dataset.coalition || 'it-coalition', container.dataset.asOf || undefined);
      container.dataset.state = 'ready';
    } catch (error) {
      console.error(error);
      showError(container, `The coalition tracker could not show this data: ${error.message || error}`);
    }
  }
} catch (error) {
  console.error(error);
  for (const container of containers) {
    showError(container, 'The coalition tracker could not load. Reload the page to try again.');
  }
}
