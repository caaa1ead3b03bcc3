"""Tests for the shipped arXiv background sample of the learned model."""

from __future__ import annotations

from promptbot.judging.background import background_texts, shipped_background
from promptbot.models import Paper


def test_the_shipped_sample_is_distinct_real_papers_with_titles_and_abstracts() -> None:
    papers = shipped_background()
    ids = [p.arxiv_id for p in papers]
    assert len(papers) >= 500
    assert len(set(ids)) == len(ids)
    assert all(p.title.strip() and len(p.abstract.split()) >= 20 for p in papers)
    assert all(p.arxiv_id[:4].isdigit() and "." in p.arxiv_id for p in papers)


def test_each_kept_paper_is_a_negative_with_its_abstract_and_as_a_bare_title() -> None:
    papers = (Paper(arxiv_id="2501.00001", title="Alpha", abstract="about alpha"),
              Paper(arxiv_id="2501.00002", title="Beta", abstract="about beta"),
              Paper(arxiv_id="2501.00003", title="Gamma", abstract="about gamma"))
    texts = background_texts(papers, {"2501.00002"})
    assert texts == ("Alpha\nabout alpha", "Gamma\nabout gamma", "Alpha", "Gamma")
