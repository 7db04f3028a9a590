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
