"""The rule table is well formed: unique ids, known options and fields, exact half-point effects."""

from __future__ import annotations

import pytest

from calculator.fields import FIELDS_BY_NAME
from calculator.patterns import PATTERN_IDS
from calculator.rules import OPTIONS, RULES, SOURCES, Rule


def test_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_well_formed(rule: Rule) -> None:
    assert rule.title and rule.when and rule.reason
    assert rule.source in SOURCES.values()
    assert {option for option, _ in rule.effects} <= set(OPTIONS)
    assert set(rule.excludes) <= set(OPTIONS)
    assert set(rule.confidence_for) <= set(OPTIONS)
    assert set(rule.caveat_for) <= set(OPTIONS)
    assert set(rule.reads) <= set(FIELDS_BY_NAME)
    assert rule.effects or rule.excludes or rule.confidence != 1.0
    # Flips subtract points back out, which is exact only for multiples of a half.
    assert all(float(delta * 2).is_integer() for _, delta in rule.effects)
    assert rule.pattern in ("", *PATTERN_IDS)


def test_every_pattern_has_a_rule() -> None:
    assert {rule.pattern for rule in RULES if rule.pattern} == set(PATTERN_IDS)


def test_effect_text() -> None:
    by_id = {rule.id: rule for rule in RULES}
    assert by_id["q1-behavior"].effect_text() == (
        "fine-tuning +2, prompt-engineering +1, rag -1.5, hybrid -0.5"
    )
    assert by_id["too-few-examples"].effect_text() == "rules out fine-tuning and hybrid"
    assert by_id["few-hundred-examples"].effect_text() == (
        "confidence x0.8 for fine-tuning or hybrid"
    )


def test_can_fine_tune_false_rules_out_training() -> None:
    by_id = {rule.id: rule for rule in RULES}
    assert set(by_id["no-fine-tuning-route"].excludes) == {"fine-tuning", "hybrid"}
    # Without a standing index neither RAG nor the hybrid has anything to search.
    assert by_id["no-persistent-index"].excludes == ("rag", "hybrid")


def test_sources_name_the_article_and_label_this_guides_thresholds() -> None:
    from calculator.docs import decision_rules_page
    from calculator.rules import ARTICLE, HEURISTIC

    by_id = {rule.id: rule for rule in RULES}
    guide_thresholds = ("q2-stable", "knowledge-moves", "critical-latency", "low-volume",
                        "volume-thousands", "proprietary-tone", "consistency-at-scale",
                        "narrow-domain")
    for rule_id in guide_thresholds:
        assert by_id[rule_id].source.startswith(HEURISTIC), rule_id
        assert ARTICLE in by_id[rule_id].source, rule_id
    for rule in RULES:
        assert "Source article" not in rule.source and "the source" not in rule.source, rule.id
    page = decision_rules_page()
    assert page.count("([why this threshold](../framework.md#thresholds))") == len(
        [rule for rule in RULES if rule.source.startswith(HEURISTIC)]
    )
