// Generated from calculator/contract.py by calculator/contract_js.py; do not edit.
// Regenerate with `python3 -m calculator pages docs`.

export const STEPS = Object.freeze([
  "download",
  "start",
  "engine"
]);
export const STEP = Object.freeze({
  "download": "download",
  "start": "start",
  "engine": "engine"
});
export const STEP_LABELS = Object.freeze({
  "download": "Download the Python runtime",
  "start": "Start Python",
  "engine": "Load the calculator engine"
});
export const STEP_ATTRIBUTES = Object.freeze({
  "step": "data-step",
  "status": "data-status"
});
export const STATUS = Object.freeze({
  "pending": "pending",
  "active": "active",
  "done": "done",
  "failed": "failed"
});
export const STATUS_LABELS = Object.freeze({
  "pending": "waiting",
  "active": "in progress",
  "done": "done",
  "failed": "failed"
});
export const FAILED_REQUEST = "compute";
export const MESSAGE = Object.freeze({
  "init": "init",
  "compute": "compute",
  "adr": "adr",
  "markdown": "markdown",
  "break_even": "break_even",
  "progress": "progress"
});
export const PAGE_IDS = Object.freeze({
  "form": "calc-form",
  "result": "calc-result",
  "note": "calc-note",
  "progress": "calc-progress",
  "failure": "calc-failure",
  "failure_detail": "calc-failure-detail",
  "action_status": "calc-action-status",
  "slow": "calc-slow",
  "announce": "calc-announce",
  "summary": "calc-summary",
  "summary_body": "calc-summary-body",
  "summary_pinned": "calc-summary-pinned",
  "compare": "calc-compare"
});
export const RESULT_ATTRIBUTES = Object.freeze({
  "state": "data-state",
  "recommendation": "data-recommendation",
  "patterns": "data-patterns",
  "given": "data-given",
  "assumed": "data-assumed",
  "stale": "data-stale"
});
export const RESULT_STATE = Object.freeze({
  "prerendered": "prerendered",
  "loading": "loading",
  "ready": "ready",
  "error": "error"
});
export const EARLY_WORKER = "llm-guide.calculator.early-worker";
