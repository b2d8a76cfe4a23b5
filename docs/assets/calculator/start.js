// Starts the engine as early as the page allows. The calculator page loads this small classic
// script in its head, ahead of the theme's stylesheets, with the form's asset paths on the script
// element. Chromium runs async and module scripts only once the parser and the first paint leave
// room for them, which on a slow device is after the whole page has loaded; a classic script runs
// as soon as it arrives, so the worker's downloads begin while the page is still being parsed.
// glue.js binds the form later and finds the worker already busy. A revisit through instant
// navigation does not run this again; glue.js starts the worker then if it is not running.
(() => {
  const script = document.currentScript;
  import(new URL("client.js", script.src).href)
    .then(({ sharedClient }) => sharedClient(script))
    .catch((error) => console.error("calculator: could not start early", error));
})();
