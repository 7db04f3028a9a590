// Timing helpers the browser benches install in every page
// (`context.addInitScript(timingHelpers)`).
//
// `__time(act)` resolves when the render `act` causes has reached the DOM
// and style and layout are computed: a MutationObserver fires after the
// render's microtask; reading offsetHeight then forces style and layout.
// Paint is not included. Each sample's two parts (the app's work, then
// style and layout) are kept in `__split`.
export function timingHelpers() {
  // Resolves when the render for `act` has reached the DOM and layout is done.
  window.__time = (act) => new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      mo.disconnect();
      const rendered = performance.now();
      void document.body.offsetHeight;
      const end = performance.now();
      // Where the time went: the app's work, then the browser's style and layout.
      (window.__split ||= []).push([rendered - start, end - rendered]);
      resolve(end - start);
    });
    mo.observe(document.querySelector('.app'), { subtree: true, childList: true, attributes: true, characterData: true });
    const start = performance.now();
    act();
  });
  window.__click = (selector) => window.__time(() => document.querySelector(selector).click());
  // Input to the next frame painted, roughly as a reader sees it: resolves in
  // the first task after the next animation frame, so it also counts work the
  // click queued ahead of that frame (the app's own effects, timers).
  window.__paint = (selector) => new Promise((resolve) => {
    const start = performance.now();
    document.querySelector(selector).click();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
  window.__type = (text) => window.__time(() => {
    const input = document.getElementById('search');
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  // Every meeting the count names is in the DOM.
  window.__check = () => {
    const text = document.querySelector('.count').textContent;
    const n = Number(text.split(' ')[0]);
    const inDom = document.querySelectorAll('article[data-meeting-date]').length;
    if (n !== inDom) throw new Error(`count says "${text}", the DOM holds ${inDom}`);
    return text;
  };
}

// How fast the machine is during a run: plain script (no wasm, no Yew)
// building about as many DOM nodes as the ten-year archive's first render
// adds (255 cards of 85 elements and 56 text nodes) into the document; the
// median of fifteen, after five to warm up. This machine's speed drifts
// over a day, so runs at different times compare through this figure.
export async function machineReference(context) {
  const page = await context.newPage();
  await page.setContent('<!doctype html><main id="m"></main>');
  const ms = await page.evaluate(() => {
    const times = [];
    for (let r = 0; r < 20; r++) {
      const main = document.getElementById('m');
      const start = performance.now();
      for (let c = 0; c < 255; c++) {
        const article = document.createElement('article');
        article.className = 'meeting';
        main.appendChild(article);
        for (let u = 0; u < 28; u++) {
          const ul = document.createElement('ul');
          article.appendChild(ul);
          const li = document.createElement('li');
          ul.appendChild(li);
          const a = document.createElement('a');
          a.setAttribute('href', `https://example.org/${c}/${u}`);
          a.className = 'ext';
          li.appendChild(a);
          a.appendChild(document.createTextNode(`link ${u}`));
          li.appendChild(document.createTextNode(` notes on board ${c}`));
        }
      }
      if (r >= 5) times.push(performance.now() - start);
      main.textContent = '';
    }
    return times.sort((a, b) => a - b)[7];
  });
  await page.close();
  return ms;
}
