"""ansible-lint, with the production profile of .ansible-lint, passes on the repository's playbooks and YAML."""

import re

from tool_runs import ROOT, ansible_environment, run, tool

# Playbooks and task files that must be among those linted (an exclude_paths entry could hide them).
MUST_BE_LINTED = ("docs/examples/*.yml", "tests/integration/targets/*/tasks/main.yml")


def test_ansible_lint_passes_with_the_production_profile():
    # -vv lists each file examined; the lint runs offline, resolving collections from build/.
    result = run([tool("ansible-lint"), "--offline", "--nocolor", "-vv"], env=ansible_environment())
    output = result.stdout + result.stderr
    verdict = "\n".join(line for line in output.splitlines() if not line.startswith("DEBUG"))
    assert result.returncode == 0, verdict
    # Warnings (warn_list) do not fail the run; any other finding does.
    assert "Passed: 0 failure(s)" in output
    assert "Profile 'production' was required" in output

    examined = set(re.findall(r"Examining (\S+) of type", output))
    expected = {path.relative_to(ROOT).as_posix() for pattern in MUST_BE_LINTED for path in ROOT.glob(pattern)}
    assert expected - examined == set()
