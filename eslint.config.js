// The project's JavaScript lint (`make lint`): ESLint's recommended rules, plus a few that catch
// what review kept catching by hand, with each file's globals set by where it runs: the page
// (classic scripts and ES modules), the engine's module worker, and Node (the build's hooks and
// the tests). Module resolution is left to the browser and Node: the calculator's modules may
// import `./contract.js`, which the build writes into the site from the Python contract.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Built or installed, never written by hand.
    ignores: ["site/**", "node_modules/**", "portals/**", "test-artifacts/**", ".venv*/**"],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all" }],
      "no-shadow": "error",
      // Same-scope uses only: a module constant read inside a function called later is fine.
      "no-use-before-define": ["error", { functions: false, classes: false, variables: false }],
      "no-throw-literal": "error",
      "no-promise-executor-return": "error",
      "no-return-assign": "error",
      "no-self-compare": "error",
      "no-template-curly-in-string": "error",
      "no-unmodified-loop-condition": "error",
      "no-unreachable-loop": "error",
    },
  },
  {
    // The calculator's ES modules, loaded by the page.
    files: ["docs/assets/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    // Classic scripts: start.js runs from the calculator page's head, print.js on every page
    // beside the theme's bundle, whose `document$` it may find.
    files: ["docs/assets/calculator/start.js", "docs/assets/print.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    // The engine's module worker: no window, no document.
    files: ["docs/assets/calculator/worker.js"],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    files: ["eslint.config.js", "hooks/**/*.mjs", "tests/**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
