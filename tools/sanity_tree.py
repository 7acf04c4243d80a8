"""Mirror the collection's files into a real ansible_collections tree for ansible-test.

ansible-test must run from <root>/ansible_collections/cleanrooms/ml, and when it delegates
to its --venv it resolves the working directory physically, so build/'s symlink to the
repository is not enough. This copies the files git knows (tracked, or untracked and not
ignored) into build/sanity/ansible_collections/cleanrooms/ml, links amazon.aws beside it,
and removes files that are gone, keeping tests/output/ so that ansible-test's venvs are reused.
The copy's untracked files are what ansible-test tests.

usage: sanity_tree.py <destination collection dir> <amazon.aws dir>
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEEP = ("tests/output/",)


def collection_files() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    return sorted(name for name in listing.split("\0") if name and (ROOT / name).is_file())


def mirror(destination: Path) -> None:
    wanted = set(collection_files())
    for name in wanted:
        source, target = ROOT / name, destination / name
        if (
            not target.exists()
            or target.stat().st_mtime < source.stat().st_mtime
            or target.stat().st_size != source.stat().st_size
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for path in sorted(destination.rglob("*"), reverse=True):
        relative = path.relative_to(destination).as_posix()
        if relative.startswith(KEEP) or relative + "/" in KEEP:
            continue
        if path.is_file() and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def main(argv: list[str]) -> int:
    destination, amazon_aws = Path(argv[1]), Path(argv[2])
    destination.mkdir(parents=True, exist_ok=True)
    mirror(destination)
    # Inside the repository's work tree, ansible-test would ask the repository's git, which
    # ignores build/; a git repository of the copy's own makes it list the copied files.
    if not (destination / ".git").exists():
        subprocess.run(["git", "init", "--quiet", str(destination)], check=True)
    link = destination.parent.parent / "amazon" / "aws"
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(amazon_aws, link)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
