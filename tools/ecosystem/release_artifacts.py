"""`make release`: build both release artifacts into dist/ and run the checks their registries run.

- the collection tarball (`ansible-galaxy collection build`), checked by Galaxy's own importer
  (galaxy-importer, offline, with the settings of galaxy-importer.cfg beside this file);
- pytest-cleanroomsml's sdist and wheel (`python -m build`), checked by `twine check --strict`.

It uploads nothing: it ends by printing where each artifact goes and the command that sends it
(docs/releasing.md). The ecosystem tests (tests/ecosystem) call the same functions.

usage: release_artifacts.py [--dist DIR]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fake_playbook import playbook_environment  # tools/ (on PYTHONPATH from the Makefile)

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


PLUGIN_SOURCE = ROOT / "pytest_plugin"
GALAXY_IMPORTER_CONFIG = Path(__file__).resolve().with_name("galaxy-importer.cfg")
# Left in pytest_plugin/ by builds, editable installs, test runs and type checks; not sources.
PLUGIN_BUILD_DEBRIS = shutil.ignore_patterns(
    "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".mypy_cache"
)
# galaxy-importer logs a finding as a line with one of these level names.
IMPORTER_FINDING = re.compile(r"\b(ERROR|WARNING)\b")

COLLECTION_HOME = "https://galaxy.ansible.com/ui/repo/published/cleanrooms/ml/"
PLUGIN_HOME = "https://pypi.org/project/pytest-cleanroomsml/"


def tool(name: str) -> str:
    """The path of a command installed in the venv that runs this script."""
    return str(VENV_BIN / name)


def tool_environment() -> dict[str, str]:
    """Fake AWS credentials only, the venv's commands first on PATH (galaxy-importer calls ansible-doc and
    ansible-lint by name), and the collections of the ansible package only: amazon.aws, not the work tree."""
    environment = playbook_environment()
    environment["PATH"] = os.pathsep.join([str(VENV_BIN), environment.get("PATH", "")])
    environment.pop("ANSIBLE_COLLECTIONS_PATH")
    return environment


def run_checked(arguments: Sequence[str | Path], **keywords: Any) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its output; raises RuntimeError with that output when it fails."""
    result = subprocess.run(
        [str(argument) for argument in arguments], capture_output=True, text=True, check=False, **keywords
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(result.args)}\nexited with {result.returncode}\n{result.stdout[-8000:]}{result.stderr[-8000:]}"
        )
    return result


def build_collection(outdir: str | Path) -> Path:
    """The tarball `ansible-galaxy collection build` makes of the work tree, in outdir."""
    run_checked(
        [tool("ansible-galaxy"), "collection", "build", "--force", "--output-path", outdir, ROOT],
        env=tool_environment(),
    )
    [tarball] = Path(outdir).glob("cleanrooms-ml-*.tar.gz")
    return tarball


def build_plugin(outdir: str | Path) -> tuple[Path, Path]:
    """pytest-cleanroomsml's (sdist, wheel), built in outdir from a copy of pytest_plugin/ without build debris.

    `python -m build` makes the wheel from the sdist, so a file the sdist lacks is missing from the wheel too.
    """
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "pytest_plugin"
        shutil.copytree(PLUGIN_SOURCE, source, ignore=PLUGIN_BUILD_DEBRIS)
        environment = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
        run_checked([sys.executable, "-m", "build", "--outdir", outdir, source], env=environment)
    [sdist] = Path(outdir).glob("pytest_cleanroomsml-*.tar.gz")
    [wheel] = Path(outdir).glob("pytest_cleanroomsml-*.whl")
    return sdist, wheel


def galaxy_import(tarball: Path) -> tuple[subprocess.CompletedProcess[str], list[str], dict[str, Any] | None]:
    """Run galaxy-importer on the tarball as Galaxy does on upload.

    Returns (CompletedProcess, its ERROR and WARNING lines, the importer_result.json it wrote or None).
    Its ansible-doc and ansible-lint steps find amazon.aws, whose doc fragments the plugins use, where
    the ansible package installed it.
    """
    environment = dict(tool_environment(), GALAXY_IMPORTER_CONFIG=str(GALAXY_IMPORTER_CONFIG))
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [sys.executable, "-m", "galaxy_importer.main", Path(tarball).resolve()],
            cwd=scratch,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        written = Path(scratch) / "importer_result.json"
        importer_result = json.loads(written.read_text(encoding="utf-8")) if written.exists() else None
    findings = [line for line in (result.stdout + result.stderr).splitlines() if IMPORTER_FINDING.search(line)]
    return result, findings, importer_result


def twine_check(paths: Sequence[Path]) -> subprocess.CompletedProcess[str]:
    """`twine check --strict` on the distributions: what PyPI checks of their metadata and README."""
    return subprocess.run(
        [tool("twine"), "check", "--strict", *map(str, paths)], capture_output=True, text=True, check=False
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where to write the artifacts (default: dist/)"
    )
    dist = parser.parse_args().dist.resolve()
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir(parents=True)

    tarball = build_collection(dist)
    print(f"built {tarball.relative_to(dist.parent)}")
    sdist, wheel = build_plugin(dist)
    print(f"built {sdist.relative_to(dist.parent)}\nbuilt {wheel.relative_to(dist.parent)}")

    imported, findings, _dummy = galaxy_import(tarball)
    if imported.returncode != 0 or findings:
        print(imported.stdout + imported.stderr, file=sys.stderr)
        print(
            f"galaxy-importer refused {tarball.name} (exit {imported.returncode}, {len(findings)} ERROR/WARNING lines)",
            file=sys.stderr,
        )
        return 1
    print(f"galaxy-importer: {tarball.name} imports with no ERROR and no WARNING")

    checked = twine_check([sdist, wheel])
    if checked.returncode != 0:
        print(checked.stdout + checked.stderr, file=sys.stderr)
        return 1
    print(f"twine check --strict: {sdist.name} and {wheel.name} PASSED")

    print("\nReady to upload (docs/releasing.md):")
    print(f"  {tarball.name} -> Ansible Galaxy, {COLLECTION_HOME}")
    print(f"      ansible-galaxy collection publish {tarball} --api-key <Galaxy API key>")
    print(f"  {sdist.name}, {wheel.name} -> PyPI, {PLUGIN_HOME}\n      python -m twine upload {sdist} {wheel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
