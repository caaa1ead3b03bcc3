"""A list's full stop after its titles, voted by its entries' titles."""

from __future__ import annotations

from promptbot import catalog
from promptbot.entries.template_model import Slot, Template
from promptbot.entries.templates import abstract
from promptbot.entries.title_stops import with_title_stops
from promptbot.models import Catalog


def _list(titles: list[str]) -> Catalog:
    return catalog.parse("# L\n## Papers\n" + "".join(
        f"1. **{title}** NeurIPS 2020. [paper](https://arxiv.org/abs/2006.0{i:04d})\n"
        for i, title in enumerate(titles)))


def _title(template: Template) -> str:
    return next(s.original for s in template.slots if s.kind == "title")


def test_the_lists_habit_wins_over_its_exemplars_own() -> None:
    # thunlp/GNNPapers ends 457 of its 458 titles with a full stop; a new entry written from
    # the one without it had none. xinghaochen's list ends 1 of 52 so: a typo, not the list's.
    stopped = _list([f"Graph Paper Number {n}." for n in range(6)] + ["A Typo Without It"])
    templates = [t for e in stopped.entries if (t := abstract(e)) is not None]
    assert {_title(t)[-1] for t in with_title_stops(templates, stopped.entries)} == {"."}
    plain = _list([f"Graph Paper Number {n}" for n in range(6)] + ["A Typo With It."])
    templates = [t for e in plain.entries if (t := abstract(e)) is not None]
    assert not any(_title(t).endswith(".")
                   for t in with_title_stops(templates, plain.entries))


def test_a_few_titles_say_nothing() -> None:
    few = _list(["Graph Paper One.", "Graph Paper Two"])
    templates = [t for e in few.entries if (t := abstract(e)) is not None]
    assert [_title(t) for t in with_title_stops(templates, few.entries)] == [
        "Graph Paper One.", "Graph Paper Two"]


def test_only_the_title_slot_changes() -> None:
    template = Template(("1. **", Slot("title", original="Graph Paper"), "** et al."), "bullet", 1)
    entries = _list([f"Graph Paper Number {n}." for n in range(5)]).entries
    (stopped,) = with_title_stops([template], entries)
    assert stopped.parts == ("1. **", Slot("title", original="Graph Paper."), "** et al.")


def test_a_full_stop_the_exemplar_writes_after_the_title_is_not_doubled() -> None:
    # liliu-avril/Awesome-Segment-Anything: `"{title}." ArXiv (2025)`
    quoted = Template(('"', Slot("title", original="Segment Anything"), '." ArXiv'), "bullet", 1)
    bold = Template(("**", Slot("title", original="Segment Anything"), "**. ArXiv"), "bullet", 1)
    entries = _list([f"Graph Paper Number {n}." for n in range(5)]).entries
    assert with_title_stops([quoted, bold], entries) == [quoted, bold]


def test_an_exemplars_question_takes_the_lists_full_stop_for_a_title_that_asks_nothing() -> None:
    # ChandlerBang/awesome-graph-attack-papers: `**Title.**` on 80 of 81 titles; its newest
    # entry asks `**Are Defenses for Graph Neural Networks Robust?**`, and a new title written
    # after it had no stop.
    stopped = _list([f"Graph Paper Number {n}." for n in range(6)] + ["Are Defenses Robust?"])
    templates = [t for e in stopped.entries if (t := abstract(e)) is not None]
    assert _title(with_title_stops(templates, stopped.entries)[-1]) == "Are Defenses Robust."
