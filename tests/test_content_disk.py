"""Validated content kept between processes (issue 19, backcare.content.disk): read back only under the exact key of
the content files, the package's code and the library versions; a changed fact is read afresh; the switch works."""
from __future__ import annotations

import pytest

from backcare.content import clear_cache, disk, load_content, loader, store


@pytest.fixture
def on(content_copy, tmp_path, monkeypatch):
    """The disk cache on, in a private folder, over a private copy of the content; counts YAML reads."""
    monkeypatch.setattr(disk, "ENABLED", True)
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "1")
    reads = []
    real_core, real_file = loader.read_content, store.read
    monkeypatch.setattr(loader, "read_content", lambda root: reads.append("core") or real_core(root))
    monkeypatch.setattr(store, "read", lambda name, root=None: reads.append(name) or real_file(name, root=root))
    clear_cache()
    yield content_copy, reads
    clear_cache()


def _new_process():
    """What a new kernel sees: nothing in memory (the files and the disk cache stay)."""
    clear_cache()


def test_a_second_process_reads_the_validated_content_back_without_parsing_yaml(on):
    content, reads = on
    first = load_content()
    glossary = store.load("glossary.yaml")
    assert reads == ["core", "glossary.yaml"]
    _new_process()
    again = load_content()
    assert store.load("glossary.yaml") == glossary
    assert reads == ["core", "glossary.yaml"]  # nothing parsed again
    assert again is not first and again.treatments == first.treatments and again.effects == first.effects
    assert (content.parent.parent / "cache" / "content").is_dir()


def test_a_changed_fact_is_read_afresh_never_served_from_disk(on):
    content, reads = on
    assert load_content().treatments["acupuncture"].name == "Acupuncture and dry needling"
    path = content / "treatments.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Acupuncture and dry needling", "name: Needling", 1),
                    encoding="utf-8")
    _new_process()
    assert load_content().treatments["acupuncture"].name == "Needling"
    assert reads == ["core", "core"]


def test_refresh_rebuilds_off_never_stores_and_a_damaged_file_is_ignored(on, monkeypatch):
    content, reads = on
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "refresh")
    load_content()
    _new_process()
    load_content()
    assert reads == ["core", "core"]  # refresh reads the YAML every time (and stores it)
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "1")
    _new_process()
    load_content()
    assert reads == ["core", "core"]  # what refresh stored is read back
    for stored in (content.parent.parent / "cache" / "content").rglob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    _new_process()
    assert load_content().treatments["acupuncture"].invasiveness == 1
    assert reads == ["core", "core", "core"]
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "0")
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(content.parent.parent / "unused"))
    _new_process()
    load_content()
    assert not (content.parent.parent / "unused").exists()


def test_a_file_with_a_problem_is_never_stored(on):
    content, reads = on
    from backcare.content import ContentError

    (content / "glossary.yaml").write_text("terms: 3\n", encoding="utf-8")
    _new_process()
    for _ in range(2):
        with pytest.raises(ContentError, match="glossary.yaml"):
            store.load("glossary.yaml")
        _new_process()
    assert reads.count("glossary.yaml") == 2


def test_a_new_generation_removes_the_week_old_ones_of_its_kind_only(tmp_path):
    """The caches do not grow without end: starting a generation prunes siblings unused for KEEP_DAYS days."""
    import os
    import time

    from backcare.fingerprint import KEEP_DAYS, store

    kind = tmp_path / "content"
    old, recent = kind / "old", kind / "recent"
    for folder in (old, recent):
        folder.mkdir(parents=True)
        (folder / "core.pickle").write_bytes(b"x")
    stale = time.time() - (KEEP_DAYS + 1) * 86400
    os.utime(old, (stale, stale))
    other_kind = tmp_path / "charts" / "old"
    other_kind.mkdir(parents=True)
    os.utime(other_kind, (stale, stale))
    store(kind / "new" / "core.pickle", b"y")
    assert sorted(p.name for p in kind.iterdir()) == ["new", "recent"]
    assert (kind / "new" / "core.pickle").read_bytes() == b"y" and other_kind.exists()
    store(kind / "new" / "glossary.yaml.pickle", b"z")  # an existing generation prunes nothing
    assert sorted(p.name for p in kind.iterdir()) == ["new", "recent"]


def test_the_caches_use_only_a_folder_no_other_user_can_write_to(on, tmp_path, monkeypatch):
    """A chart or a pickle planted by someone else must never be read: the caches' folder is made this user's own
    (0700); one owned by another user turns every cache off (charts drawn, YAML read), as on a shared class hub."""
    import os
    import stat

    from backcare.fingerprint import cache_root

    content, reads = on
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(shared))
    assert cache_root() == shared and stat.S_IMODE(shared.stat().st_mode) == 0o700  # ours: made private again
    fresh = tmp_path / "new" / "cache"
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(fresh))
    assert cache_root() == fresh and stat.S_IMODE(fresh.stat().st_mode) == 0o700
    fresh.chmod(0o750)  # readable by the group: private again too
    assert cache_root() == fresh and stat.S_IMODE(fresh.stat().st_mode) == 0o700
    if os.getuid() != 0:
        pytest.skip("making a folder owned by another user needs root (CI runs as root)")
    os.chown(shared, 12345, 12345)
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(shared))
    with pytest.raises(PermissionError, match="belongs to another user"):
        cache_root()
    load_content()
    _new_process()
    load_content()
    assert reads == ["core", "core"] and not any(shared.iterdir())  # nothing read from it, nothing written to it
