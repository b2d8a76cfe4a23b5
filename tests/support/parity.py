"""What the parity test runs on both Pythons: the engine's outputs for a list of answer sets.

The same source runs under CPython (imported) and inside Pyodide (read and executed by
``pyodide_parity.mjs``), so that any difference in the JSON comes from the interpreters alone.
"""

from __future__ import annotations

import json


def run(cases_json: str) -> str:
    """For each answer set: the result, the ADR, the Markdown and the browser's compute reply."""
    import calculator
    from calculator import webapi

    out = []
    for answers in json.loads(cases_json):
        result = calculator.recommend(answers)
        texts = {name: webapi.query_text(value) for name, value in answers.items()}
        out.append(
            {
                "result": result,
                "adr": calculator.to_adr(result),
                "markdown": calculator.to_markdown(result),
                "compute": webapi.compute(texts),
            }
        )
    return json.dumps(out, sort_keys=True, ensure_ascii=False, allow_nan=False)
