#!/usr/bin/python3
"""Runs /usr/bin/dnsviz with its arguments, working around a Debian 12 bug:
DNSViz 0.9.4's `grok`/`print` with a trust anchor (-t) check the pygraphviz
version through `pygraphviz.release`, which python3-pygraphviz 1.7 no longer
has, and exit 2 ("pygraphviz is required, but not installed") without
analysing anything.  We provide that module from pygraphviz.__version__.

usage: dnsviz-shim.py grok|print|probe ARGS...
"""
import runpy
import sys
import types

import pygraphviz

if not hasattr(pygraphviz, "release"):
    release = types.ModuleType("pygraphviz.release")
    release.version = pygraphviz.__version__
    sys.modules["pygraphviz.release"] = release
    pygraphviz.release = release
sys.argv = ["dnsviz"] + sys.argv[1:]
runpy.run_path("/usr/bin/dnsviz", run_name="__main__")
