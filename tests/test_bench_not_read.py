"""The benchmark and the guard never read a held-out gold batch or one being written as an
unseen test (bench/extract.py NOT_READ, built from learn/batches.HELD_OUT)."""

from pathlib import Path

from bench.extract import NOT_READ, readable
from strikewatch.learn import batches


def test_held_out_and_unseen_batches_are_not_read() -> None:
    for name in ("rd001_a.json", "re004_b.txt", "rf1.json", "rh02_c.json", "ri03.txt",
                 "rl01.json", "rp07_d.json", "rs10.txt", "se01_e.json", "se102.txt",
                 "esd001_f.json", "esf2.txt", "esk03.json", "esl04.txt", "esp005.json",
                 "ess06.txt", "esae01.json", "esae02_g.txt"):
        assert not readable(Path(name)), name


def test_dev_batches_and_numbered_gold_are_read() -> None:
    # T, U, V, W, X, Y, Z, SA, SB, SC and SD were unseen tests once and are development data now
    for name in ("ra001_a.json", "rb147.txt", "rc01.json", "rt16_b.json", "ru01_e.json",
                 "rv02.txt", "es001_c.txt", "esh01.json", "est06.txt", "esu01.json",
                 "esv02_g.txt", "rw01_e.json", "rx02.txt", "ry03.json", "esw01.json",
                 "esx02_g.txt", "esy04.txt", "001_caribbean.json", "h60_x.txt", "seed.json",
                 "01_wire.json", "rz01_e.json", "rz102.txt", "esz01.json", "esz02_g.txt",
                 "sa01_e.json", "sa102.txt", "esaa01.json", "esaa02_g.txt", "sb01_e.json",
                 "sb102.txt", "esab01.json", "esab02_g.txt", "sc01_e.json", "sc102.txt",
                 "esac01.json", "esac02_g.txt", "sd01_e.json", "sd102.txt",
                 "esad01.json", "esad02_g.txt"):
        assert readable(Path(name)), name


def test_one_list() -> None:
    # the benchmark's list is the trainers' list: a batch held out once is held out everywhere
    assert NOT_READ == {p.split("/")[-1] for p in batches.HELD_OUT}
    assert {"rd", "esd", "se", "esae"} <= NOT_READ
    assert not {"rw", "esw", "rx", "esx", "ry", "esy", "rz", "esz", "sa", "esaa", "sb", "esab",
                "sc", "esac", "sd", "esad"} & NOT_READ
