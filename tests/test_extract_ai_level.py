"""AI level and LLM focus of a posting."""

from __future__ import annotations

import pytest

from extract.ai_level import classify_ai, title_from_text
from extract.pipeline import build_nlp, skills_of


def _classify(title: str, text: str) -> tuple[str, bool]:
    return classify_ai(title, text, skills_of(build_nlp()(text)))


@pytest.mark.parametrize(
    ("title", "text", "level"),
    [
        ("Backend Engineer", "Requirements\n• Python and PyTorch for our ranking models", "required"),
        ("Machine Learning Engineer", "Requirements\n• Python and SQL", "required"),
        ("Product Manager, AI Assistants", "Requirements\n• SQL", "required"),
        (
            "Account Executive",
            "Requirements\n• Salesforce\n\nNice to have\n• Experience with ChatGPT",
            "preferred",
        ),
        ("Accountant", "Requirements\n• Excel\n• Familiarity with generative AI tools a plus", "preferred"),
        ("Accountant", "Requirements\n• Excel\n• Familiarity with AI tools is a plus", "preferred"),
        ("Paralegal", "Requirements\n• Daily use of AI tools for first drafts", "required"),
        ("Paralegal", "Requirements\n• DAILY USE OF GENAI TOOLS FOR FIRST DRAFTS", "required"),
        ("Paralegal", "İstanbul office.\n\nRequirements\n• Leveraging LLMs to draft contracts", "required"),
        (
            "Data Analyst",
            "About us\nWe are an AI-first company powered by LLMs.\n\nRequirements\n• SQL",
            "none",
        ),
        (
            "Site Reliability Engineer",
            "Our customers train LLMs on our GPUs. You'll run Linux and Kubernetes.",
            "none",
        ),
        ("Android Engineer", "Requirements\n• Kotlin\n• No ML experience is needed.", "none"),
    ],
)
def test_classify_ai_levels(title: str, text: str, level: str) -> None:
    assert _classify(title, text)[0] == level


@pytest.mark.parametrize(
    ("title", "text", "focused"),
    [
        ("AI Engineer", "Requirements\n• Python", True),
        ("Backend Engineer", "Requirements\n• RAG pipelines, prompt engineering and LLMs", True),
        ("Data Scientist", "Requirements\n• Python, scikit-learn and XGBoost", False),
        ("Account Executive", "Nice to have\n• ChatGPT", False),
    ],
)
def test_classify_ai_llm_focused(title: str, text: str, focused: bool) -> None:
    assert _classify(title, text)[1] is focused


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Acme | Senior ML Engineer | Remote | $200k\n\nWe build things.", "Senior ML Engineer"),
        ("Just prose.", ""),
    ],
)
def test_title_from_text_reads_hn_header(text: str, title: str) -> None:
    assert title_from_text(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "Acme was named a leader in Gen AI by analysts. You will write Python services.",
        "We were recognised as a leader in machine learning.\n\nRequirements\n• Python",
        "Our award-winning LLM platform serves banks. You will write Go.",
    ],
)
def test_classify_ai_company_boasting_asks_nothing(text: str) -> None:
    assert _classify("Backend Engineer", text)[0] == "none"
