"""The development gold batches every trained component learns from: one list, one home.

Each fold is one batch as it was written (its own outlets, month and hand), so that leaving a
whole fold out asks what a held-out batch asks (`cv.leave_one_group_out`). `ra` and `rb` are
one fold: `rb` grew out of `ra`'s stories and outlets, and splitting them would let a fold
see its own stories. Batches T (`rt`, `est`), U (`ru`, `esu`), V (`rv`, `esv`) and W, X, Y
(`rw` `esw`, `rx` `esx`, `ry` `esy`), Z (`rz`, `esz`; ledgers rz, rz1, esz), SA (`sa` with
sa101–103, `esaa`; ledgers sa, sa1, esaa), SB (`sb` with sb101–103, `esab`; ledgers sb, sb1,
esab), SC (`sc` with sc101–103, `esac`; ledgers sc, sc1, esac) and SD (`sd` with sd101–103,
`esad`; ledgers sd, sd1, esad) were written as unseen tests of a session's work and became
development data after their first run.

Held-out batches are never listed here (`HELD_OUT` names them, and a test checks that no
pattern below can reach them), so nothing the coordinator scores at the end is trained on.
"""

from __future__ import annotations

import re
from pathlib import Path

#: fold name -> gold-file globs under tests/gold
DEV_BATCHES: dict[str, tuple[str, ...]] = {
    "own": ("0*.json", "h*.json"),
    "ra+rb": ("real/ra*.json", "real/rb*.json"),
    **{b: (f"real/{b}*.json",) for b in (
        "rc", "rg", "rj", "rk", "rm", "rn", "ro", "rq", "rt", "ru", "rv", "rw", "rx", "ry",
        "rz", "sa", "sb", "sc", "sd")},
    **{b: (f"es/{b}*.json",) for b in (
        "es0", "esh", "ese", "esi", "esj", "esm", "esn", "esq", "est", "esu", "esv", "esw", "esx",
        "esy", "esz", "esaa", "esab", "esac", "esad")},
}

#: the ledger gold of each fold, where it has one (boats/theatres span several batches)
FOLD_LEDGERS: dict[str, str] = {b: f"{b}.json" for b in (
    "rc", "rg", "rj", "rk", "rm", "rn", "ro", "rt", "ru", "rw", "rx", "ry", "rz",
    "sa", "sb", "sc", "sd", "esh", "esi", "esj", "esm", "esn", "est", "esu", "esw", "esx", "esy",
    "esz", "esaa", "esab", "esac", "esad")}

#: every development ledger gold under tests/gold/ledger, one cross-validation fold each for the
#: resolver's trained pieces (linking weights, incident confidence); boats and theatres span
#: several batches; rz1, sa1, sb1, sc1 and sd1 are second ledgers of folds rz, sa, sb, sc and sd
#: (their own stories, the same batch)
DEV_LEDGERS: tuple[str, ...] = (
    "boats", "theatres", *FOLD_LEDGERS, "rz1", "sa1", "sb1", "sc1", "sd1")

#: gold-file name prefixes of the held-out batches and of the batch being written as the
#: unseen test (SE: `se`, `esae`, ledgers se/se1/esae): never read by a trainer, a benchmark or
#: the extraction guard (bench/extract.py's NOT_READ is built from this list; a ledger's
#: name starts with its batch's prefix, and `ledger_held_out` tells it)
HELD_OUT: tuple[str, ...] = (
    "real/rd", "real/re", "real/rf", "real/rh", "real/ri", "real/rl", "real/rp", "real/rs",
    "es/esd", "es/esf", "es/esk", "es/esl", "es/esp", "es/ess",
    "real/se", "es/esae")


def ledger_held_out(name: str) -> bool:
    """Whether a ledger gold (tests/gold/ledger/NAME.json) belongs to a held-out batch: its
    leading letters are a held-out prefix's stem (sb1 -> sb)."""
    m = re.match(r"[a-z]+", Path(name).name)
    return m is not None and m.group(0) in {p.split("/")[-1] for p in HELD_OUT}


def gold_paths(root: Path, batch: str) -> list[Path]:
    """The gold files of one development fold, sorted."""
    out: list[Path] = []
    for pat in DEV_BATCHES[batch]:
        out += sorted(root.glob(pat))
    return out
