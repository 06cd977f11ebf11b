"""Build backend for ``pip install``: setuptools, but only editable installs (``pip install -e .``).

The course is a folder, not only a package: the facts (``content/``) and the notebooks (``notebooks/``) live beside
``utils/backcare`` and are read from there at run time (``backcare.paths``). A regular wheel would copy the package
into site-packages without them, and every chapter would then fail to load its facts. So a regular build is refused
with a message saying what works, instead of installing something that cannot run.
"""
from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403  (every other hook, editable builds included, is setuptools')

MESSAGE = (
    "backcare is installed from its project folder in editable mode only: run `pip install -e .` "
    "(or `make lab`). A regular `pip install .` would copy the Python package without the course it reads at run "
    "time (content/ and notebooks/ in the project folder), so it is refused."
)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    raise SystemExit(MESSAGE)


def build_sdist(sdist_directory, config_settings=None):
    return _setuptools.build_sdist(sdist_directory, config_settings)
