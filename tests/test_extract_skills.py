"""Skills extraction: taxonomy, aliases, context rules for ambiguous names, offsets, sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.analyze import analyze
from extract.inputs import raw_from_record
from extract.pipeline import build_nlp, skills_of
from extract.skills import (
    DEFAULT_CONTEXT_RULES,
    DEFAULT_TAXONOMY,
    TAXONOMY_VERSION,
    build_patterns,
    group_members,
    load_taxonomy,
    skill_patterns,
    spaced_spelling,
    summarize,
)


def _skills(text: str) -> set[str]:
    return {m.skill for m in skills_of(build_nlp()(text))}


# (skill, sentence that names it, sentence where the same letters are something else)
AMBIGUOUS = [
    ("Go", "You will write services in Go and Python.", "We are growing our Go to market team."),
    ("Go", "Strong Go experience is essential.", "Our go-to-market motion is product-led."),
    ("Go", "Backend in Python, Go and Postgres.", "Go beyond the brief for our customers."),
    ("R", "Analysis in Python or R is expected.", "Our R&D group publishes papers."),
    ("R", "Statistical programming in R for survey data.", "Grade R tutors welcome the class."),
    ("C", "Firmware in C and C++ for microcontrollers.", "You will present to the C-suite."),
    ("C", "Embedded C programming on bare metal.", "We closed our Series C last spring."),
    ("C++", "Modern C++ for the trading engine.", "Grades of B or C are fine."),
    ("C#", "Build APIs in C# and .NET.", "Our chorus sings in C major."),
    (".NET", "Build APIs in C# and .NET.", "Email us at jobs@example.net today."),
    ("Swift", "Build the iOS app in Swift and SwiftUI.", "We value swift decisions."),
    ("Spark", "Pipelines in Spark and Kafka.", "Spark conversations with customers every week."),
    ("Excel", "Advanced Excel and SQL skills.", "You excel at explaining numbers."),
    ("Excel", "Build models in Microsoft Excel.", "Excel at building relationships with buyers."),
    ("Rust", "Systems work in Rust and C++.", "We are proudly building in the Rust Belt."),
    ("Ruby", "Our API is Ruby and PostgreSQL.", "Ruby leads the design team."),
    ("Julia", "Numerical work in Julia or Python.", "Julia will be your manager."),
    ("Dart", "Mobile apps in Dart and Flutter.", "Dart throwing on Fridays at the office."),
    ("Chef", "Configuration with Chef or Ansible.", "Our chef cooks lunch every day."),
    ("Puppet", "Configuration management with Puppet and Terraform.", "The Puppet show is on Friday."),
    ("Elm", "Frontend written in Elm and TypeScript.", "Our office is on Elm Street."),
    ("Scala", "Data jobs in Scala on Spark.", "Scala is a lovely opera house."),
    ("Lean", "Improve the line using Lean and 5S.", "We are a Lean team of five people."),
    ("Canvas", "Experience with Canvas or Google Classroom.", "Paint on a blank Canvas with us."),
    ("Epic", "Document patient care in Epic EHR.", "It was an Epic journey for the company."),
    ("Unity", "Build gameplay in Unity or Unreal Engine.", "Unity and kindness are our values."),
    ("Harvey", "Use AI tools such as ChatGPT or Harvey for contract review.", "Harvey runs our front desk."),
    ("Claude", "Use AI assistants like ChatGPT or Claude daily.", "Claude Martin will interview you."),
    ("Combine", "Comfortable with SwiftUI, Combine and Core Data.", "Combine data from many sources."),
    ("Ray", "Distributed training with PyTorch and Ray.", "Ray Smith is our head of sales."),
    ("Looker", "Dashboards in Looker and dbt models.", "An onlooker would not notice."),
    ("Machine learning", "Experience shipping ML models to production.", "Measure 250 ml of solution."),
    ("RAG", "Build RAG pipelines over documents.", "Wipe the bench with a rag."),
    ("Snowflake", "Model data in Snowflake with dbt.", "Every customer is a snowflake."),
    ("Statistics", "A solid grounding in statistics.", "A degree in statistics or a related field."),
    ("Design systems", "Maintain our design systems in Figma.", "Configure and design systems for clients."),
]


@pytest.mark.parametrize(("skill", "positive", "negative"), AMBIGUOUS)
def test_skills_ambiguous_name_positive(skill: str, positive: str, negative: str) -> None:
    assert skill in _skills(positive)


@pytest.mark.parametrize(("skill", "positive", "negative"), AMBIGUOUS)
def test_skills_ambiguous_name_negative(skill: str, positive: str, negative: str) -> None:
    assert skill not in _skills(negative)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Deploy to k8s on AWS.", "Kubernetes"),
        ("Services written in golang.", "Go"),
        ("Tune slow queries in Postgres.", "PostgreSQL"),
        ("Expert Python (pandas, sklearn).", "scikit-learn"),
        ("Rebuild the dashboard in React.js.", "React"),
        ("Own our retrieval-augmented generation pipeline.", "RAG"),
        ("Run vector DBs (Pinecone, Weaviate) in production.", "Vector databases"),
        ("Run vector DBs (Pinecone, Weaviate) in production.", "Pinecone"),
        ("Build dashboards in PowerBI.", "Power BI"),
        ("Experience with HF transformers.", "Hugging Face"),
        ("Daily fluency with torch and deep learning.", "PyTorch"),
        ("Familiarity with LangChain/LlamaIndex.", "LlamaIndex"),
        ("Design REST and GraphQL APIs.", "REST APIs"),
        ("Working knowledge of US GAAP.", "GAAP"),
        ("Experience with CI / CD pipelines.", "CI/CD"),
        ("Design and analyse A/B tests.", "A/B testing"),
        ("Node.js and Express services.", "Node.js"),
        ("Comfort with SPI, I2C, UART and CAN bus.", "CAN bus"),
        ("Running S&OP processes.", "S&OP"),
        ("Prompt engineering for LLM-based features.", "LLMs"),
        ("Set our roadmap for the move to Amazon EKS.", "AWS"),
    ],
)
def test_skills_alias_maps_to_canonical(text: str, skill: str) -> None:
    assert skill in _skills(text)


@pytest.mark.parametrize(
    "text",
    [
        "Security tooling covering IDS/IPS and SIEM.",
        "C/C++ and R/Python",
        "",
        "•\n\n•",
        "(((",
        "C# / .NET / C++",
    ],
)
def test_skills_odd_text_does_not_crash(text: str) -> None:
    doc = build_nlp()(text)
    for match in skills_of(doc):
        assert text[match.start : match.end] == match.surface


@pytest.mark.parametrize(
    ("text", "skill", "surface"),
    [
        ("Services in golang with Postgres.", "Go", "golang"),
        ("Services in golang with Postgres.", "PostgreSQL", "Postgres"),
        ("Deploy to k8s on AWS.", "Kubernetes", "k8s"),
        ("Strong C++ and Rust.", "C++", "C++"),
    ],
)
def test_skills_offsets_and_surface(text: str, skill: str, surface: str) -> None:
    matches = [m for m in skills_of(build_nlp()(text)) if m.skill == skill]
    assert matches
    for m in matches:
        assert m.surface == surface
        assert text[m.start : m.end] == surface


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Our front end is TypeScript/React but you won't need to touch it.", "TypeScript"),
        ("Our platform is built on Rust and Kafka, but you don't need to know any of that.", "Kafka"),
        ("Our customers train LLMs on our hardware.", "LLMs"),
        ("Kubernetes experience is not required.", "Kubernetes"),
        ("About us\nWe run on Elixir and Redis.\n\nWhat you'll do\n• Write Python.", "Elixir"),
        ("Requirements\n• Python\n\nBenefits\n• Free Salesforce training", "Salesforce"),
    ],
)
def test_skills_not_asked_are_dropped(text: str, absent: str) -> None:
    assert absent not in _skills(text)


@pytest.mark.parametrize(
    ("text", "required", "preferred"),
    [
        ("Requirements\n• Python and SQL\n\nNice to have\n• Kafka", {"Python", "SQL"}, {"Kafka"}),
        ("Strong Python; Go is a plus.", {"Python"}, {"Go"}),
        ("Hands-on Salesforce (Gainsight a plus).", {"Salesforce"}, {"Gainsight"}),
        ("Must have: Playwright. Nice to have: Python, k6.", {"Playwright"}, {"Python", "k6"}),
        ("Familiarity with torch training loops helps.", set(), {"PyTorch"}),
        ("Production PyTorch; TF experience is welcome.", {"PyTorch"}, {"TensorFlow"}),
        ("Experience with Epic EHR preferred.", set(), {"Epic"}),
        ("Testing LLM features is a bonus, not a requirement.", set(), {"LLMs"}),
    ],
)
def test_skills_preferred_versus_required(text: str, required: set[str], preferred: set[str]) -> None:
    asked, preferred_only = summarize(skills_of(build_nlp()(text)))
    assert set(asked) == required | preferred
    assert set(preferred_only) == preferred


@pytest.mark.parametrize(
    ("group", "member"),
    [
        ("Vector databases", "Pinecone"),
        ("Vector databases", "pgvector"),
        ("AWS/GCP/Azure", "GCP"),
        ("Docker/Kubernetes", "Kubernetes"),
        ("LangChain or similar frameworks", "LlamaIndex"),
        ("API development", "gRPC"),
    ],
)
def test_taxonomy_groups_hold_members(group: str, member: str) -> None:
    assert member in group_members(load_taxonomy(), group)


@pytest.mark.parametrize(
    "name",
    [
        "Python",
        "Go",
        "C++",
        "PostgreSQL",
        "Kubernetes",
        "AWS",
        "LLMs",
        "RAG",
        "Prompt engineering",
        "LangChain",
        "Vector databases",
        "scikit-learn",
        "Node.js",
        "REST APIs",
        "CI/CD",
        "Machine learning",
        "Generative AI",
        "A/B testing",
        "Excel",
    ],
)
def test_taxonomy_has_canonical_spelling(name: str) -> None:
    assert name in load_taxonomy().skills


@pytest.mark.parametrize("minimum", [600])
def test_taxonomy_size_and_version(minimum: int) -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy.skills) >= minimum
    assert taxonomy.version == TAXONOMY_VERSION
    assert load_taxonomy() is taxonomy


@pytest.mark.parametrize(
    "paths",
    [(DEFAULT_TAXONOMY, None), (str(DEFAULT_TAXONOMY), DEFAULT_CONTEXT_RULES), (None, DEFAULT_CONTEXT_RULES)],
)
def test_load_taxonomy_default_is_the_same_object_by_any_path(
    paths: tuple[str | Path | None, str | Path | None],
) -> None:
    # load_taxonomy() skips resolving the default paths (components ask per posting): the same Taxonomy.
    assert load_taxonomy(*paths) is load_taxonomy()


@pytest.mark.parametrize("label", ["Go", "Kubernetes"])
def test_skill_patterns_registered_function_returns_patterns(label: str) -> None:
    patterns = skill_patterns()
    assert patterns == build_patterns(load_taxonomy())
    assert any(p["label"] == label for p in patterns)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Technologies: java spring rest go", {"Java", "Spring", "REST APIs", "Go"}),
        ("Tech stack: python airflow oracle", {"Python", "Airflow", "Oracle Database"}),
        (
            "Technologies\nkotlin gradle spring\n\nJob description\nShip the app.",
            {"Kotlin", "Gradle", "Spring"},
        ),
    ],
)
def test_skills_tag_lines_count_in_any_case(text: str, expected: set[str]) -> None:
    assert expected <= _skills(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Job description\nWe go further every spring.", "Go"),
        ("Technologies\nkotlin\nWe go hiking every spring.", "Spring"),
    ],
)
def test_skills_tag_line_is_only_the_line_under_the_label(text: str, absent: str) -> None:
    assert absent not in _skills(text)


@pytest.mark.parametrize(
    ("text", "skill", "surface"),
    [
        ("• Sketch and FigmaSelf-motivated and curious", "Figma", "Figma"),
        ("• Databases (Postgres / Oracle)Experience with REST", "Oracle Database", "Oracle"),
        ("• Deep KubernetesStrong communication", "Kubernetes", "Kubernetes"),
    ],
)
def test_skills_glued_words_are_split_at_the_lost_line_break(text: str, skill: str, surface: str) -> None:
    matches = [m for m in skills_of(build_nlp()(text)) if m.skill == skill]
    assert matches and matches[0].surface == surface
    assert text[matches[0].start : matches[0].end] == surface


@pytest.mark.parametrize("text", ["Our JavaScript team", "GitHub Actions pipelines", "An iPhone app"])
def test_skills_camel_case_names_are_not_split(text: str) -> None:
    assert not any(m.surface in ("Java", "Git") for m in skills_of(build_nlp()(text)))


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Data lands in Big Query every night.", "BigQuery"),
        ("Documents live in Mongo DB.", "MongoDB"),
        ("We run Postgre SQL 15.", "PostgreSQL"),
        ("Front end in Java Script.", "JavaScript"),
        ("Build micro services on Kubernetes.", "Microservices"),
    ],
)
def test_skills_spaced_spellings(text: str, skill: str) -> None:
    assert skill in _skills(text)


@pytest.mark.parametrize(
    ("surface", "spaced"),
    [("MongoDB", "Mongo DB"), ("NodeJS", "Node JS"), ("NoSQL", None), ("CoreML", None), ("LinkedIn", None)],
)
def test_spaced_spelling_only_for_a_word_and_an_acronym(surface: str, spaced: str | None) -> None:
    assert spaced_spelling(surface) == spaced


@pytest.mark.parametrize(
    ("text", "required", "preferred"),
    [
        ("Python, Docker; Kubernetes helpful but not required.", {"Python", "Docker"}, {"Kubernetes"}),
        ("Strong SQL. Tableau is not required.", {"SQL"}, set()),
        ("Java and Kafka; Terraform useful but not necessary.", {"Java", "Kafka"}, {"Terraform"}),
    ],
)
def test_skills_negation_stays_in_its_clause(text: str, required: set[str], preferred: set[str]) -> None:
    asked, preferred_only = summarize(skills_of(build_nlp()(text)))
    assert set(asked) == required | preferred
    assert set(preferred_only) == preferred


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Experience with SQL clustering and failover.", "Clustering"),
        ("Maintain SQL Server clustering for our warehouse.", "Clustering"),
        ("Acme was named a leader in Gen AI by analysts. You will write Python.", "GenAI"),
        ("We were recognized as a leader in machine learning. You will write Python.", "Machine learning"),
        ("Our award-winning TensorFlow platform serves banks. You will write Python.", "TensorFlow"),
    ],
)
def test_skills_false_positives(text: str, absent: str) -> None:
    assert absent not in _skills(text)


def test_skills_clustering_as_ml_still_counts() -> None:
    assert "Clustering" in _skills("Apply clustering and classification to customer data.")


@pytest.mark.parametrize(
    ("text", "skill", "group"),
    [
        ("Proficient in Word, Excel and Outlook.", "Microsoft Word", "Office & collaboration"),
        ("Daily work in Outlook and Teams.", "Microsoft Teams", "Office & collaboration"),
        ("Maintain SharePoint sites.", "SharePoint", "Office & collaboration"),
        ("Configure DNS, DHCP and VPN access.", "DNS", "Networking"),
        ("Troubleshoot TCP/IP and VLAN issues on Cisco switches.", "VLAN", "Networking"),
        ("Troubleshoot TCP/IP and VLAN issues on Cisco switches.", "Cisco", "Networking"),
        ("Chart in Epic EHR and Cerner.", "Cerner", "EHR systems"),
        ("Valid Class A CDL required.", "CDL", "Licences & certificates"),
        ("Forklift certification preferred.", "Forklift", "Licences & certificates"),
        ("Current CPR and BLS certification.", "BLS", "Licences & certificates"),
        ("Level 2 Food Hygiene certificate and HACCP knowledge.", "Food hygiene", "Licences & certificates"),
        ("Level 2 Food Hygiene certificate and HACCP knowledge.", "HACCP", "Licences & certificates"),
        ("You must hold a CSCS card.", "CSCS", "Licences & certificates"),
        ("A valid SIA licence for door supervision.", "SIA licence", "Licences & certificates"),
    ],
)
def test_skills_everyday_market_skills_with_groups(text: str, skill: str, group: str) -> None:
    assert skill in _skills(text)
    assert skill in group_members(load_taxonomy(), group)


@pytest.mark.parametrize(
    "text",
    [
        "The BLS reports monthly wage data.",
        "Word of mouth brought us here. Our teams are small.",
        "A new word for the Teams we serve.",
    ],
)
def test_skills_everyday_names_need_context(text: str) -> None:
    assert not _skills(text) & {"BLS", "Microsoft Word", "Microsoft Teams"}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Meet our team at Snowflake Summit this June. You will write Python.", "Snowflake"),
        ("We won the AWS Partner of the Year award. You will write Python.", "AWS"),
        ("See you at the Salesforce World Tour. You will write Python.", "Salesforce"),
        ("• goExperience with Python", "Go"),
    ],
)
def test_skills_event_names_and_lowercase_glue_are_not_skills(text: str, absent: str) -> None:
    assert absent not in _skills(text)


@pytest.mark.parametrize(
    ("company", "text", "absent", "present"),
    [
        ("Oracle Corp.", "Oracle is hiring. You will write Java and use Oracle Database.", None, "Java"),
        (
            "Snowflake Inc.",
            "At Snowflake we build the AI Data Cloud. You will write Go services.",
            "Snowflake",
            "Go",
        ),
        ("Tableau", "Tableau helps people see data. Requirements: Python.", "Tableau", "Python"),
    ],
)
def test_skills_employer_name_is_not_a_skill(
    company: str, text: str, absent: str | None, present: str
) -> None:
    raw = raw_from_record(
        {"id": "1", "format": "plain", "title": "Engineer", "company": company, "body": text}
    )
    found = {m.skill for m in next(iter(analyze([raw], build_nlp()))).skills}
    assert present in found
    if absent is not None:
        assert absent not in found


def test_skills_employer_name_keeps_longer_skill_names() -> None:
    raw = raw_from_record(
        {
            "id": "1",
            "format": "plain",
            "title": "DBA",
            "company": "Oracle",
            "body": "Tune Oracle Database 19c.",
        }
    )
    assert "Oracle Database" in {m.skill for m in next(iter(analyze([raw], build_nlp()))).skills}
