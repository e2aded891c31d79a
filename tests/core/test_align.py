"""align_units: kinds of links, bare lead-ins, determinism, symmetry, and pins.

Every text here is SYNTHETIC TEST TEXT written for these tests, or a revision generated from the
bundled Kyoto Declaration by tests/core/revisions.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kyoto_desk.core.align import align_units, is_bare_lead_in
from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.links import Alignment, LinkKind, Pin
from kyoto_desk.core.model import Document, UnitKind
from kyoto_desk.errors import InputError
from kyoto_desk.sources.bundled import load_bundled
from tests.core.revisions import PROFILES, make_revision

PARAGRAPHS = [
    "We undertake to strengthen the capacity of law enforcement to investigate cybercrime.",
    "Promote restorative justice processes involving victims, offenders and communities.",
    "Improve the conditions of detention and reduce overcrowding in prisons.",
    "Collect and share reliable data on crime trends to inform evidence-based policies.",
    "Protect witnesses and reporting persons in criminal proceedings against intimidation.",
    "Combat trafficking in cultural property through inventories and export controls.",
    "Return confiscated proceeds of corruption to the countries of origin without delay.",
    "Prevent the financing of terrorism by criminalizing the collection of funds for terrorist acts.",
]


def doc(*texts: str) -> Document:
    return build_document([UnitSpec(str(k + 1), t) for k, t in enumerate(texts)])


def pairs(alignment: Alignment) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {(link.old, link.new) for link in alignment.links}


@pytest.fixture(scope="module")
def kyoto() -> Document:
    return load_bundled("kyoto").declaration()


def test_same_text_is_identical_throughout(kyoto: Document) -> None:
    alignment = align_units(kyoto, kyoto)
    assert {link.kind for link in alignment.links} == {LinkKind.IDENTICAL}
    assert len(alignment.links) == len(kyoto)
    assert all(link.similarity == 1.0 and link.reason for link in alignment.links)
    assert alignment.added == alignment.removed == ()


def test_case_and_punctuation_alone_keep_identical() -> None:
    alignment = align_units(doc(*PARAGRAPHS), doc(PARAGRAPHS[0].upper().rstrip(".") + ";", *PARAGRAPHS[1:]))
    assert alignment.links[0].kind is LinkKind.IDENTICAL


def test_reworded_in_place_is_modified_with_reason() -> None:
    new = list(PARAGRAPHS)
    new[2] = (
        "Enhance detention conditions and, as appropriate, alleviate overcrowding in correctional facilities."
    )
    alignment = align_units(doc(*PARAGRAPHS), doc(*new))
    link = next(link for link in alignment.links if link.old == ("3",))
    assert link.new == ("3",)
    assert link.kind is LinkKind.MODIFIED
    assert 0.3 <= link.similarity < 1.0
    assert "overcrowd" in link.reason


def test_moved_paragraph_is_moved_and_others_stay() -> None:
    new = [PARAGRAPHS[k] for k in (1, 2, 3, 4, 5, 6, 0, 7)]
    alignment = align_units(doc(*PARAGRAPHS), doc(*new))
    kinds = {link.old: link.kind for link in alignment.links}
    assert kinds[("1",)] is LinkKind.MOVED
    assert [k for o, k in kinds.items() if o != ("1",)] == [LinkKind.IDENTICAL] * 7


def test_added_and_removed() -> None:
    new = [
        *PARAGRAPHS[:3],
        "Support small island States in charting their exclusive economic zones.",
        *PARAGRAPHS[4:],
    ]
    alignment = align_units(doc(*PARAGRAPHS), doc(*new))
    assert alignment.added == ("4",)
    assert alignment.removed == ("4",)


def test_split_and_merge_mirror_each_other() -> None:
    whole = (
        "Prevent and counter cybercrime in all its forms, and strengthen the capacity of law enforcement "
        "authorities to investigate it, including through specialized training and equipment."
    )
    old = doc(*PARAGRAPHS[1:4], whole)
    new = doc(
        *PARAGRAPHS[1:4],
        "Prevent and counter cybercrime in all its forms.",
        "Strengthen the capacity of law enforcement authorities to investigate cybercrime, "
        "including through specialized training and equipment.",
    )
    split = align_units(old, new)
    assert (("4",), ("4", "5")) in pairs(split)
    assert next(link for link in split.links if link.old == ("4",)).kind is LinkKind.SPLIT
    merged = align_units(new, old)
    assert (("4", "5"), ("4",)) in pairs(merged)
    assert next(link for link in merged.links if link.new == ("4",)).kind is LinkKind.MERGED


@pytest.mark.parametrize("text", ["We endeavour:", "We therefore endeavour to take the following actions:"])
def test_bare_lead_in_is_never_linked(text: str) -> None:
    lead = build_document([UnitSpec("5", text)])
    assert is_bare_lead_in(lead.units[0])
    alignment = align_units(build_document([UnitSpec("5", text)]), build_document([UnitSpec("9", text)]))
    assert alignment.links == ()
    assert alignment.removed == ("5",)
    assert alignment.added == ("9",)


def test_chapeau_with_content_is_not_a_bare_lead_in() -> None:
    chapeau = build_document(
        [UnitSpec("6", "We endeavour to strengthen international cooperation, including by:")]
    )
    assert not is_bare_lead_in(chapeau.units[0])


def test_empty_documents() -> None:
    empty = build_document([])
    assert align_units(empty, empty) == Alignment((), (), ())
    assert align_units(empty, doc(*PARAGRAPHS)).added == tuple(str(k + 1) for k in range(len(PARAGRAPHS)))


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_deterministic(kyoto: Document, profile: str) -> None:
    pair = make_revision(kyoto, profile, 11)
    assert align_units(pair.old, pair.new) == align_units(pair.old, pair.new)


@pytest.mark.parametrize(("profile", "seed"), [(p, s) for p in sorted(PROFILES) for s in (0, 1, 2)])
def test_symmetric(kyoto: Document, profile: str, seed: int) -> None:
    pair = make_revision(kyoto, profile, seed)
    forward = align_units(pair.old, pair.new)
    backward = align_units(pair.new, pair.old)
    assert {(o, n) for n, o in pairs(backward)} == pairs(forward)
    assert set(backward.added) == set(forward.removed)
    assert set(backward.removed) == set(forward.added)
    similarity = {(link.old, link.new): link.similarity for link in forward.links}
    for link in backward.links:
        assert similarity[(link.new, link.old)] == pytest.approx(link.similarity, abs=1e-3)


def test_links_follow_new_order_and_scores_are_bounded(kyoto: Document) -> None:
    pair = make_revision(kyoto, "heavy", 3)
    alignment = align_units(pair.old, pair.new)
    firsts = [pair.new.position(link.new[0]) for link in alignment.links]
    assert firsts == sorted(firsts)
    assert all(0.0 <= link.similarity <= 1.0 and link.reason for link in alignment.links)
    every_new = [n for link in alignment.links for n in link.new] + list(alignment.added)
    assert sorted(every_new) == sorted(u.id for u in pair.new.units)


def test_pin_forces_a_link_and_the_rest_realigns() -> None:
    old, new = doc(*PARAGRAPHS), doc(*PARAGRAPHS)
    alignment = align_units(old, new, pins=[Pin(("1",), ("2",))])
    assert (("1",), ("2",)) in pairs(alignment)
    pinned = next(link for link in alignment.links if link.old == ("1",))
    assert pinned.pinned
    assert pinned.reason.startswith("linked by hand")
    assert alignment.removed == ("2",)
    assert alignment.added == ("1",)
    assert all(link.kind is LinkKind.IDENTICAL for link in alignment.links if not link.pinned)


def test_pin_many_to_many_is_kept_whole() -> None:
    alignment = align_units(doc(*PARAGRAPHS), doc(*PARAGRAPHS), pins=[Pin(("1", "2"), ("1", "2", "3"))])
    link = next(link for link in alignment.links if link.pinned)
    assert (link.old, link.new, link.kind) == (("1", "2"), ("1", "2", "3"), LinkKind.SPLIT)


def test_unlink_pin_forbids_the_pair_only() -> None:
    new = list(PARAGRAPHS)
    new[2] = "Enhance detention conditions and alleviate overcrowding in correctional facilities."
    alignment = align_units(doc(*PARAGRAPHS), doc(*new), pins=[Pin(("3",), ("3",), linked=False)])
    assert all((link.old[0], link.new[0]) != ("3", "3") for link in alignment.links)
    assert "3" in alignment.removed
    assert "3" in alignment.added
    assert len(alignment.links) == len(PARAGRAPHS) - 1


def test_unlink_pin_with_one_side_keeps_the_unit_out() -> None:
    alignment = align_units(doc(*PARAGRAPHS), doc(*PARAGRAPHS), pins=[Pin(("4",), (), linked=False)])
    assert alignment.removed == ("4",)
    assert alignment.added == ("4",)


def test_unpinning_restores_the_automatic_alignment(kyoto: Document) -> None:
    pair = make_revision(kyoto, "mixed", 5)
    automatic = align_units(pair.old, pair.new)
    first = automatic.links[0]
    pinned = align_units(pair.old, pair.new, pins=[Pin(first.old, first.new, linked=False)])
    assert (first.old, first.new) not in pairs(pinned)
    assert align_units(pair.old, pair.new, pins=[]) == automatic


def test_stale_pin_is_ignored() -> None:
    alignment = align_units(doc(*PARAGRAPHS), doc(*PARAGRAPHS), pins=[Pin(("99",), ("1",))])
    assert alignment == align_units(doc(*PARAGRAPHS), doc(*PARAGRAPHS))


@pytest.mark.parametrize(
    "pins",
    [
        [Pin(("1",), ("2",)), Pin(("1",), ("3",))],
        [Pin(("1",), ("2",)), Pin(("3",), ("2",))],
        [Pin(("1",), ())],
    ],
)
def test_contradictory_pins_are_input_errors(pins: list[Pin]) -> None:
    with pytest.raises(InputError) as caught:
        align_units(doc(*PARAGRAPHS), doc(*PARAGRAPHS), pins=pins)
    assert caught.value.hint


def test_subparagraph_units_align_like_paragraphs() -> None:
    old = build_document(
        [
            UnitSpec("5", "We endeavour:", UnitKind.OPERATIVE),
            *(
                UnitSpec(
                    f"5({letter})", "To " + text[0].lower() + text[1:], UnitKind.SUBPARAGRAPH, parent="5"
                )
                for letter, text in zip("abc", PARAGRAPHS[1:4], strict=True)
            ),
        ]
    )
    alignment = align_units(old, doc(*PARAGRAPHS[1:4]))
    assert pairs(alignment) == {(("5(a)",), ("1",)), (("5(b)",), ("2",)), (("5(c)",), ("3",))}
    assert alignment.removed == ("5",)


def test_same_result_whatever_the_hash_seed() -> None:
    # Sets and dicts of strings iterate in a per-process order; the alignment must not depend on it.
    script = (
        "import hashlib\n"
        "from kyoto_desk.core.align import align_units\n"
        "from kyoto_desk.sources.bundled import load_bundled\n"
        "from tests.core.revisions import make_revision\n"
        "pair = make_revision(load_bundled('kyoto').declaration(), 'restructured', 4)\n"
        "print(hashlib.sha256(repr(align_units(pair.old, pair.new)).encode()).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
    assert next(iter(digests)).strip()


def test_reason_names_the_equivalent_words() -> None:
    old = doc("We undertake to strengthen the capacity of law enforcement to investigate cybercrime.")
    new = doc("We commit to enhancing the abilities of the police to probe cybercrime.")
    reason = align_units(old, new).links[0].reason
    assert "capacity ≈ abilities" in reason
    assert "investigate ≈ probe" in reason


def test_toss_up_between_two_near_misses_is_not_linked() -> None:
    # Both candidates share the unit's formula and half its subject and differ from it alike: the
    # texts do not say which one continues it, so neither is linked.
    old = doc("Strengthen border controls against the smuggling of migrants and the trafficking of firearms.")
    rivals = doc(
        "Strengthen border controls against the smuggling of migrants and the theft of cattle.",
        "Strengthen border controls against the smuggling of migrants and the poaching of wildlife.",
    )
    assert pairs(align_units(old, rivals)) == set()
    clear = doc(
        "Strengthen border controls against the smuggling of migrants and the theft of cattle.",
        "Promote awareness campaigns on the rights of migrants in host communities.",
    )
    assert pairs(align_units(old, clear)) == {(("1",), ("1",))}


def test_reason_names_the_related_words() -> None:
    old = doc(
        "Strengthen cooperation to prevent and investigate kidnapping for ransom "
        "and to secure the safe release of hostages."
    )
    new = doc(
        "Intensify joint efforts to stop and look into abductions carried out for payment, "
        "and to free captives."
    )
    (link,) = align_units(old, new).links
    assert "kidnapping ~ abductions" in link.reason
    assert "hostages ~ captives" in link.reason
