#!/bin/sh
# Compile the English reader's rule modules with mypyc (an experiment, not the shipped
# build): output identical by bench/extract_guard.py (2,804 articles), bench/extract.py
# ratio 3.0-3.1x -> 3.5-3.7x (session 21, extract/README.md). Builds C extensions beside
# the sources (*.so, git-ignored; they shadow the .py files until deleted:
# `find strikewatch -name '*.so' -delete`). caseless.py stays Python: its LowerMatch
# aliases `__getitem__ = group`, which a native class breaks at run time. Slow: one large
# C file (~15 min on a loaded 2-core box).
#   sh bench/compile.sh            (from the repository root; where mypyc stops after
#   writing build/setup.py, `.venv/bin/python build/setup.py build_ext --inplace` builds)
set -e
MODS=$(ls strikewatch/extract/*.py strikewatch/extract/components/*.py \
       | grep -v -E '/(__init__|pipeline|registry|rules|nlp)\.py$')
exec .venv/bin/mypyc $MODS strikewatch/geo/mentions.py strikewatch/geo/reading.py
