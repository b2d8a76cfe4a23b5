// Starts the engine while the rest of the page is still loading. The calculator page includes
// this script right after its form, before the theme's scripts; glue.js binds the form later and
// finds the worker already busy. A module runs once per window, so a revisit does nothing here.
import { sharedClient } from "./client.js";

const form = document.getElementById("calc-form");
if (form) sharedClient(form);
