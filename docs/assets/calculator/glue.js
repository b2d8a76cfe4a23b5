// Loaded on every page. It stays this small so that a guidance page costs nothing: besides the
// contract's names (contract.js, under two kilobytes), the calculator's code, its worker and
// Pyodide are fetched only when the page holds the calculator's form.
//
// Material's instant navigation swaps the page content without reloading, so this module runs once
// per real page load and binds through `document$`, which emits on the first load and after every
// instant navigation. A form is bound at most once (WeakSet), and the subscription is made at most
// once per window, whatever loads this file.

import { PAGE_IDS, RESULT_ATTRIBUTES, RESULT_STATE } from "./contract.js";

const bound = new WeakSet();

function bindCalculator() {
  const form = document.getElementById(PAGE_IDS.form);
  if (!form || bound.has(form)) return;
  bound.add(form);
  import("./app.js")
    .then((app) => app.bind(form))
    .catch((error) => {
      // The page still shows the pre-rendered answer; the form explains the rest.
      console.error("calculator: could not load its scripts", error);
      document.getElementById(PAGE_IDS.result)
        ?.setAttribute(RESULT_ATTRIBUTES.state, RESULT_STATE.error);
      const failure = document.getElementById(PAGE_IDS.failure);
      if (failure) failure.hidden = false;
    });
}

const SUBSCRIBED = Symbol.for("llm-guide.calculator.subscribed");
if (!window[SUBSCRIBED]) {
  window[SUBSCRIBED] = true;
  if (window.document$) {
    window.document$.subscribe(bindCalculator);
  } else if (document.readyState === "loading") {
    // Without the theme's bundle (a portal that strips it) the page is still a plain page.
    document.addEventListener("DOMContentLoaded", bindCalculator, { once: true });
  } else {
    bindCalculator();
  }
}
