"""How the result's values read on the calculator page: option names and verdicts."""

from __future__ import annotations

__all__ = ["OPTION_IN_SENTENCE", "OPTION_NAMES", "VERDICT_NAMES"]

# How each option reads inside a sentence, in the ADR, the break-even lines and the pattern pages.
OPTION_IN_SENTENCE = {
    "prompt-engineering": "prompt engineering",
    "rag": "retrieval-augmented generation (RAG)",
    "fine-tuning": "fine-tuning",
    "hybrid": "a fine-tuned model with retrieval (hybrid)",
}
OPTION_NAMES = {
    "prompt-engineering": "Prompt engineering",
    "rag": "RAG",
    "fine-tuning": "Fine-tuning",
    "hybrid": "Hybrid: fine-tuning with RAG",
}
VERDICT_NAMES = {"rag": "use RAG", "evaluate-fine-tuning": "evaluate fine-tuning"}
