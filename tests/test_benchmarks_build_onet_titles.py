"""benchmarks.build_onet_titles: which occupation a title several occupations share goes to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from benchmarks.build_onet_titles import (
    INPUTS_LINE,
    Profile,
    _is_fragment,
    _reads_as_another_job,
    build,
    choose,
    counted_titles,
    employment_shares,
    inputs_digest,
    key_of,
)
from extract.occupation_index import INDEX_FILE


def _profile(
    titles: int,
    name: str = "",
    residual: bool = False,
    employment: float = 1.0,
    qualifier: str = "",
    **words: int,
) -> Profile:
    return Profile(titles, Counter(words), name, residual, employment, qualifier)


@pytest.mark.parametrize(
    ("key", "codes", "profiles", "expected"),
    [
        # A specific occupation before a residual "All Other" one, whatever the weights.
        ("line worker", {"11-0001.00": 1, "11-0099.00": 9},
         {"11-0001.00": _profile(50), "11-0099.00": _profile(5, residual=True)}, "11-0001.00"),
        # The occupation whose own title it is.
        ("clerk", {"22-0001.00": 1, "22-0002.00": 6},
         {"22-0001.00": _profile(400, "clerk"), "22-0002.00": _profile(10, "file keeper")}, "22-0001.00"),
        # Then one whose own title holds all its words.
        ("floor manager", {"22-0001.00": 1, "22-0002.00": 6},
         {"22-0001.00": _profile(80, "general floor manager"), "22-0002.00": _profile(10, "shop boss")},
         "22-0001.00"),
        # … and the kind it names after a comma, when it names one: a history teacher is not a postsecondary
        # one for holding the words of "History Teachers, Postsecondary" …
        ("history teacher", {"25-0001.00": 1, "25-0002.00": 3},
         {"25-0001.00": _profile(20, "history teacher postsecondary", qualifier="postsecondary"),
          "25-0002.00": _profile(40, "secondary school teacher")}, "25-0002.00"),
        # … but a fast food cook is "Cooks, Fast Food".
        ("fast food cook", {"35-0001.00": 1, "35-0002.00": 3},
         {"35-0001.00": _profile(20, "cook fast food", qualifier="fast food"),
          "35-0002.00": _profile(40, "line cook")}, "35-0001.00"),
        # … but not a one-word title: the occupations it heads weigh it alike.
        ("trainer", {"39-0001.00": 1, "13-0001.00": 2},
         {"39-0001.00": _profile(10, "animal trainer", trainer=5), "13-0001.00": _profile(10, trainer=5)},
         "13-0001.00"),
        # More sources name it there.
        ("clerk", {"22-0001.00": 8, "22-0002.00": 1},
         {"22-0001.00": _profile(40), "22-0002.00": _profile(30)}, "22-0001.00"),
        # Equal weight: the occupation whose titles use the title's words.
        ("lab technician", {"33-0001.00": 1, "33-0002.00": 1},
         {"33-0001.00": _profile(20, technician=15, lab=5), "33-0002.00": _profile(20, technician=1)},
         "33-0001.00"),
        # Equal weight and words: the occupation with more jobs (its share of employment).
        ("cleaner", {"37-0002.00": 1, "37-0001.00": 1},
         {"37-0001.00": _profile(10, employment=0.0001, cleaner=5),
          "37-0002.00": _profile(10, employment=0.01, cleaner=5)}, "37-0002.00"),
        # … but a title its words tie to one occupation keeps it against a far larger one.
        ("boring machine operator", {"51-0001.00": 1, "51-0002.00": 1},
         {"51-0001.00": _profile(10, employment=0.0001, boring=8, machine=8, operator=8),
          "51-0002.00": _profile(10, employment=0.01, operator=8)}, "51-0001.00"),
        # A full tie: the lowest code.
        ("aide", {"44-0002.00": 1, "44-0001.00": 1},
         {"44-0001.00": _profile(10), "44-0002.00": _profile(10)}, "44-0001.00"),
        # A specialty gives way to its SOC occupation when that names the title as well …
        ("ward nurse", {"29-0001.00": 1, "29-0001.01": 3},
         {"29-0001.00": _profile(90, "staff nurse"), "29-0001.01": _profile(9, "theatre nurse")},
         "29-0001.00"),
        # … but not when the specialty's own title is the title.
        ("ward nurse", {"29-0001.00": 1, "29-0001.01": 3},
         {"29-0001.00": _profile(90, "staff nurse"), "29-0001.01": _profile(9, "ward nurse")}, "29-0001.01"),
    ],
)  # fmt: skip
def test_choose_tie_break(
    key: str, codes: dict[str, int], profiles: dict[str, Profile], expected: str
) -> None:
    assert choose(key, codes, profiles) == expected


def _write(path: Path, header: str, rows: Sequence[str]) -> None:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def _tiny_onet(
    tmp_path: Path,
    occupations: Sequence[str],
    alternates: Sequence[str] = (),
    reported: Sequence[str] = (),
    zones: Sequence[str] = (),
) -> Path:
    """An O*NET folder of the four files the build reads, with these rows (tab-separated, as O*NET's)."""
    onet = tmp_path / "onet"
    onet.mkdir()
    _write(onet / "Occupation_Data.tsv", "O*NET-SOC Code\tTitle\tDescription", occupations)
    _write(
        onet / "Alternate_Titles.tsv", "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)", alternates
    )
    _write(
        onet / "Sample_of_Reported_Titles.tsv",
        "O*NET-SOC Code\tReported Job Title\tShown in My Next Move",
        reported,
    )
    _write(onet / "Job_Zones.tsv", "O*NET-SOC Code\tJob Zone", zones)
    return onet


def _shops(tmp_path: Path, first: str, second: str, reported: Sequence[str] = ()) -> Path:
    """An O*NET folder of two shop occupations, 41-0001.00 and 41-0002.00, with one alternate title row each
    (``first``, ``second``: title, short title and sources, tab-separated)."""
    occupations = ["41-0001.00\tShop Hands\tx", "41-0002.00\tStall Hands\tx"]
    alternates = [f"41-0001.00\t{first}", f"41-0002.00\t{second}"]
    return _tiny_onet(tmp_path, occupations, alternates=alternates, reported=reported)


def _index_rows(index_file: Path) -> dict[str, tuple[str, int]]:
    """A built index as title → (code, how many SOC occupations O*NET lists it under)."""
    rows = (line.split("\t") for line in index_file.read_text().splitlines()[3:])
    return {key: (code, int(n)) for key, code, n in rows}


def test_build_writes_one_code_per_title(tmp_path: Path) -> None:
    onet = _tiny_onet(
        tmp_path,
        [
            "41-0001.00\tTill Operators\tOperate tills in shops.",
            "41-0002.00\tBooth Attendants\tx",
            "41-0099.00\tTill Workers, All Other\tx",
        ],
        alternates=[
            "41-0001.00\tTill Operator\tn/a\t04",
            "41-0002.00\tTill Operator\tn/a\t04,08",
            "41-0002.00\tBooth Clerk\tn/a\t04",
            "41-0099.00\tBooth Clerk\tn/a\t04,06,08",
            "41-0001.00\tPoint of Sale Till Operator (POS Till Operator)\tPOS Till Operator\t04",
            "41-0002.00\tBooth Greeter (Flea Market)\tn/a\t04",
        ],
        zones=["41-0001.00\t2", "41-0002.00\t1"],
    )
    index_file, occupations_file = build(onet, tmp_path)
    rows = _index_rows(index_file)
    codes = {key: code for key, (code, _) in rows.items()}
    listed_under = {key: n for key, (_, n) in rows.items()}
    assert codes["till operator"] == "41-0001.00"  # its own O*NET title
    # How many SOC occupations O*NET lists a title under: the matcher refines a title several list.
    assert listed_under["till operator"] == listed_under["booth clerk"] == 2
    assert listed_under["kitchen porter"] == 1  # a posting title names its one occupation
    assert codes["booth clerk"] == "41-0002.00"  # not the residual occupation
    # A bracketed short form O*NET also lists as the short title: the long form is a title without it …
    assert codes["point sale till operator"] == "41-0001.00"
    assert codes["point sale till operator pos till operator"] == "41-0001.00"
    # … a bracketed specialty (no short title) stays part of the title.
    assert "booth greeter" not in codes and codes["booth greeter flea market"] == "41-0002.00"
    # The titles postings use that O*NET lacks (extract/data/posting_titles.tsv) are entered with their code.
    assert codes["kitchen porter"] == "35-9021.00"
    assert "41-0099.00\tTill Workers, All Other\t" in occupations_file.read_text()
    # Each occupation's O*NET description, which the matcher reads for a title as vague as its head.
    assert "41-0001.00\tTill Operators\t2\tOperate tills in shops." in occupations_file.read_text()


def test_the_shipped_index_is_built_from_the_files_as_they_are() -> None:
    # A change to how titles are read, to the posting titles, the employment prior or the build changes the
    # index's rows (or may): rebuild it with python -m benchmarks.build_onet_titles --onet
    # ../shared/data/onet-27.0. The index names the digest of those files it was built from.
    with INDEX_FILE.open(encoding="utf-8") as handle:
        built_from = next((line.rstrip("\n") for line in handle if line.startswith(INPUTS_LINE)), None)
    assert built_from == INPUTS_LINE + inputs_digest(), (
        "stale index: run python -m benchmarks.build_onet_titles"
    )


def test_employment_shares_split_soc_counts_among_onet_occupations(tmp_path: Path) -> None:
    counts = tmp_path / "oews.csv"
    counts.write_text(
        "# source: a citation line\nsoc_code,title,employment\n"
        "29-1141,Nurses,600\n13-1020,Buyers,300\n37-2011,Janitors,100\n",
        encoding="utf-8",
    )
    codes = ["29-1141.00", "29-1141.01", "29-1141.02", "13-1021.00", "13-1022.00", "37-2011.00", "55-1011.00"]
    shares = employment_shares(codes, counts)
    # A SOC occupation's count is shared by its O*NET specialties alike.
    assert shares["29-1141.00"] == shares["29-1141.02"] == pytest.approx(200 / 1000)
    # An OEWS code that combines its broad group's occupations O*NET keeps apart is shared by them.
    assert shares["13-1021.00"] == shares["13-1022.00"] == pytest.approx(150 / 1000)
    # An occupation OEWS does not count (military) is as rare as the rarest it does.
    assert shares["55-1011.00"] == pytest.approx(100 / 1000)


@pytest.mark.parametrize(
    ("title", "fragment"),
    [
        # A title that loses its other words as noise, leaving one short word, is no title: "man" would make
        # a "Van Man" an architect, "st" every manager in St Albans a surgical technologist.
        ("Location Man", True),
        ("Relief Man", True),
        ("Fly Tier", True),
        # A short title of its own, a longer word left alone, or several words left, is a title.
        ("CNA", False),
        ("Cook", False),
        ("Relief Cook", False),
        ("Staff RN", False),
    ],
)
def test_is_fragment(title: str, fragment: bool) -> None:
    assert _is_fragment(key_of(title), title) is fragment


def test_build_keeps_how_many_occupations_list_a_posting_title(tmp_path: Path) -> None:
    """A posting title (posting_titles.tsv) takes its code there; when O*NET lists it under several
    occupations the index still says so, and the matcher refines it by a title's other words."""
    onet = _tiny_onet(
        tmp_path,
        ["35-0001.00\tKitchen Helpers\tx", "35-0002.00\tGalley Hands\tx", "35-9021.00\tDishwashers\tx"],
        alternates=["35-0001.00\tKitchen Porter\tn/a\t04", "35-0002.00\tKitchen Porter\tn/a\t04"],
        zones=["35-9021.00\t1"],
    )
    index_file, _ = build(onet, tmp_path)
    rows = _index_rows(index_file)
    assert rows["kitchen porter"] == ("35-9021.00", 2)  # posting_titles.tsv's code, O*NET's count
    assert rows["dishwasher"][1] == 1


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        # The shipped index counts every source: more of them name the title in the second occupation.
        (True, "41-0002.00"),
        # An index built without the reported titles (the benchmark's) does not count source 02, the
        # incumbents' reported titles: the two occupations tie and the lowest code takes the title.
        (False, "41-0001.00"),
    ],
)
def test_build_without_reported_titles_ignores_the_incumbents_source(
    tmp_path: Path, reported: bool, expected: str
) -> None:
    onet = _shops(tmp_path, "Till Operator\tn/a\t04,08", "Till Operator\tn/a\t02,04,08")
    index_file, _ = build(onet, tmp_path, reported=reported)
    assert _index_rows(index_file)["till operator"][0] == expected


@pytest.mark.parametrize(
    ("first_sources", "second_sources", "expected"),
    [
        # The Census index repeats the SOC index: a title the two list at one occupation weighs one source,
        # less than a title employers' postings and the Department of Labor's lists give another.
        ("04,06", "08,10", "41-0002.00"),
        ("04", "08,10", "41-0002.00"),
        # Two sources besides it weigh alike: the tie goes to the lowest code.
        ("04,06,10", "08,10", "41-0001.00"),
        ("06,10", "04,08", "41-0001.00"),
    ],
)
def test_build_counts_the_soc_and_census_indexes_as_one_source(
    tmp_path: Path, first_sources: str, second_sources: str, expected: str
) -> None:
    onet = _shops(tmp_path, f"Till Operator\tn/a\t{first_sources}", f"Till Operator\tn/a\t{second_sources}")
    index_file, _ = build(onet, tmp_path, reported=False)
    assert _index_rows(index_file)["till operator"][0] == expected


@pytest.mark.parametrize(
    ("title", "code", "counted"),
    [
        ("Shop Hand", "41-0001", True),  # the occupation's own title
        ("Till Operator", "41-0002", True),  # an alternate title the SOC index reports
        ("Till Op", "41-0002", True),  # its short form
        ("Till Operator", "41-0001", False),  # only the incumbents' source reports it there
        ("Counter Hand", "41-0001", False),  # a reported title nothing else lists
        ("Kitchen Porter", "35-9021", True),  # a posting title
    ],
)
def test_counted_titles_leave_out_what_only_the_incumbents_report(
    tmp_path: Path, title: str, code: str, counted: bool
) -> None:
    onet = _shops(
        tmp_path,
        "Till Operator\tn/a\t02",
        "Till Operator (Till Op)\tTill Op\t04,06",
        reported=["41-0001.00\tCounter Hand\tN"],
    )
    assert ((key_of(title), code) in counted_titles(onet)) is counted


@pytest.mark.parametrize(
    ("short", "title", "misread"),
    [
        # The vocabulary reads these short titles as other jobs' abbreviations: postings write "CMO" for a
        # chief marketing officer, "CSR" for a customer service representative, "OTR" for over the road.
        ("CMO", "Continuous Miner Operator (CMO)", True),
        ("CSR", "Certified Shorthand Reporter (CSR)", True),
        ("OTR", "Registered Occupational Therapist (OTR)", True),
        ("PM Coordinator", "Preventive Maintenance Coordinator (PM Coordinator)", True),
        # Read as the long title's own words, or not expanded at all, a short title is the long one's.
        ("Lab Tech", "Laboratory Technician (Lab Tech)", False),
        ("X-Ray Tech", "X-Ray Technologist (X-Ray Tech)", False),
        ("CNA", "Certified Nurse Aide (CNA)", False),
        ("LPC", "Licensed Professional Counselor (LPC)", False),
    ],
)
def test_reads_as_another_job(short: str, title: str, misread: bool) -> None:
    assert _reads_as_another_job(short, title) is misread


def test_build_leaves_out_a_short_title_read_as_another_job(tmp_path: Path) -> None:
    """O*NET's "CMO" is a continuous miner operator; the index must not make a chief marketing officer one,
    in the short title or in the long title that brackets it, and keeps the long title without it."""
    onet = _tiny_onet(
        tmp_path,
        ["47-5041.00\tMiner Operators\tx"],
        alternates=[
            "47-5041.00\tContinuous Miner Operator (CMO)\tCMO\t04",
            "47-5041.00\tLab Technician (Lab Tech)\tLab Tech\t04",
        ],
        reported=["47-5041.00\tContinuous Mining Operator (CMO)\tY"],
    )
    index_file, _ = build(onet, tmp_path)
    keys = set(_index_rows(index_file))
    assert not {key for key in keys if "marketing" in key}
    assert {"continuous miner operator", "continuous mining operator", "lab technician"} <= keys


def test_strict_build_leaves_out_posting_titles_equal_to_held_out_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The strict measurement's index holds no title equal to a held-out one, whichever file wrote it."""
    onet = _tiny_onet(tmp_path, ["35-9021.00\tDishwashers\tx"])
    monkeypatch.setattr("benchmarks.build_onet_titles.is_heldout", lambda key: key == "kitchen porter")
    keys = {}
    for strict in (False, True):
        out = tmp_path / str(strict)
        out.mkdir()
        index_file, _ = build(onet, out, reported=False, exclude_heldout=strict)
        keys[strict] = set(_index_rows(index_file))
    assert "kitchen porter" in keys[False]  # extract/data/posting_titles.tsv's
    assert "kitchen porter" not in keys[True]
    assert keys[False] - keys[True] == {"kitchen porter"}


def test_build_enters_a_title_with_a_noise_word_naming_its_work_again_as_a_phrase(tmp_path: Path) -> None:
    # "Night" says when a nurse works, and what a night auditor does: the title is entered normalized as
    # every title is ("auditor") and, with the word kept, as a phrase; not where the word ends the title,
    # which ends in its head: there it says when the job is worked.
    onet = _tiny_onet(
        tmp_path,
        ["43-0001.00\tDesk Clerks\tx", "13-0001.00\tAuditors\tx"],
        alternates=["43-0001.00\tNight Auditor\tn/a\t04", "43-0001.00\tDesk Clerk (Nights)\tn/a\t04"],
    )
    rows = _index_rows(build(onet, tmp_path, reported=False)[0])
    assert rows["night auditor"] == ("43-0001.00", 1)
    assert rows["auditor"][0] == "13-0001.00"  # the occupation's own title still names the bare word
    assert "desk clerk nights" not in rows and "nights desk clerk" not in rows


def test_build_enters_an_occupation_title_without_the_exceptions_that_bound_it(tmp_path: Path) -> None:
    # "Secondary School Teacher" is the occupation's name; O*NET lists only "School Teacher", under another.
    onet = _tiny_onet(
        tmp_path,
        [
            "25-0001.00\tSecondary School Teachers, Except Special and Career/Technical Education\tx",
            "25-0002.00\tElementary School Teachers, Except Special Education\tx",
            "27-0001.00\tFine Artists, Including Painters, Sculptors, and Illustrators\tx",
            "11-0001.00\tManagers, All Other\tx",
            "35-0001.00\tCooks, Fast Food\tx",
        ],
        alternates=["25-0002.00\tSchool Teacher\tn/a\t04"],
    )
    rows = _index_rows(build(onet, tmp_path, reported=False)[0])
    assert rows["secondary school teacher"][0] == "25-0001.00"
    assert rows["fine artist"][0] == "27-0001.00"
    # A residual's or a kind's name before the comma is not the occupation's.
    assert "manager" not in rows and "cook" not in rows


def test_build_enters_the_two_jobs_an_occupation_name_joins(tmp_path: Path) -> None:
    # "Veterinary Assistants and Laboratory Animal Caretakers" names a veterinary assistant, whom O*NET's one
    # alternate title with the words puts among technicians; "Waiters and Waitresses" both.
    onet = _tiny_onet(
        tmp_path,
        [
            "31-0001.00\tVeterinary Assistants and Laboratory Animal Caretakers\tx",
            "35-0001.00\tWaiters and Waitresses\tx",
            "33-0001.00\tFire Inspectors and Investigators\tx",
            "29-0001.00\tMedical and Clinical Laboratory Technologists\tx",
            "43-0001.00\tInsurance Claims and Policy Processing Clerks\tx",
            "53-0001.00\tPackers and Packagers, Hand\tx",
            "29-0002.00\tVeterinary Technologists and Technicians\tx",
        ],
        alternates=[
            "29-0002.00\tVeterinary Assistant\tn/a\t02,10",
            "35-0001.00\tHead Waiter\tn/a\t04",
            "35-0001.00\tBanquet Waitress\tn/a\t04",
            "33-0001.00\tArson Investigator\tn/a\t04",
            "33-0001.00\tFire Code Inspector\tn/a\t04",
            "53-0001.00\tHand Packer\tn/a\t04",
            "31-0001.00\tKennel Assistant\tn/a\t04",
        ],
    )
    rows = _index_rows(build(onet, tmp_path, reported=False)[0])
    assert rows["veterinary assistant"][0] == "31-0001.00"
    # "Waitresses" read as "waiters" (gendered_forms): one entry for both.
    assert rows["waiter"][0] == "35-0001.00" and "waitress" not in rows
    assert rows["fire inspector"][0] == "33-0001.00"
    # A second job after a first with words of its own may share them (fire investigators): not entered
    # alone; nor words that share the head after them, a word that ends no index title ("claims"), or a list.
    assert "investigator" not in rows
    assert "medical" not in rows and "insurance claim" not in rows and "packer" not in rows
