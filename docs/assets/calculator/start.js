// Starts the engine while the rest of the page is still loading. The calculator page includes
// this script right after its form, before the theme's scripts; glue.js binds the form later and
// finds the worker already busy. The start waits for the first frame to be painted, so that the
// pre-rendered answer is not held back by 12 MB of downloads and a WebAssembly compile. A module
// runs once per window, so a revisit does nothing here.
import { sharedClient } from "./client.js";

const form = document.getElementById("calc-form");
if (form) requestAnimationFrame(() => setTimeout(() => sharedClient(form), 0));
