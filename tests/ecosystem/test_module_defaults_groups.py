"""Which module_defaults groups reach the module, as docs/docsite/rst/getting_started.rst says.

`group/aws` is ansible-core's group of amazon.aws's and community.aws's groups: it never reaches this
collection's module. `group/cleanrooms.ml.aws` (meta/runtime.yml) extends amazon.aws's group with the module.
"""

import json

from tool_runs import ROOT, ansible_environment, describe, run, tool

PLAYBOOK = ROOT / "tests" / "ecosystem" / "playbooks" / "module_defaults_groups.yml"
# group -> (reaches cleanrooms.ml's module, reaches amazon.aws's modules), as the guide's table says.
DOCUMENTED_REACH = {
    "group/aws": (False, True),
    "group/amazon.aws.aws": (False, True),
    "group/cleanrooms.ml.cleanroomsml": (True, False),
    "group/cleanrooms.ml.aws": (True, True),
}
# Where a module that the group does not reach sends its calls: a closed local port, never AWS.
CLOSED_ENDPOINT = "http://127.0.0.1:9"
# What the fake's server answers a request of another AWS service.
FAKE_ANSWER_TO_OTHER_SERVICES = "not a Clean Rooms ML route"


def run_playbook(installed_collections, endpoint_url, model, work):
    """{group: {"module": result, "amazon_aws": result}} of one run of the playbook."""
    variables = work / "vars.json"
    variables.write_text(
        json.dumps(
            {
                "cleanroomsml_endpoint_url": endpoint_url,
                "model_arn": model["trainedModelArn"],
                "collaboration_identifier": model["collaborationIdentifier"],
                "results_file": str(work / "results.json"),
            }
        ),
        encoding="utf-8",
    )
    environment = dict(
        ansible_environment(installed_collections), AWS_ENDPOINT_URL=CLOSED_ENDPOINT, AWS_MAX_ATTEMPTS="1"
    )
    result = run(
        [tool("ansible-playbook"), "-i", "localhost,", "-e", f"@{variables}", PLAYBOOK], cwd=work, env=environment
    )
    assert result.returncode == 0, describe(result)
    return json.loads((work / "results.json").read_text(encoding="utf-8"))


def reached(module_result):
    """Whether the group's endpoint_url reached the module: the default endpoint is a closed port, and the fake
    answers, amazon.aws's STS call included (with its 404 for any service but Clean Rooms ML).
    """
    if module_result.get("failed"):
        if FAKE_ANSWER_TO_OTHER_SERVICES in module_result["msg"]:
            return True
        assert f'endpoint URL: "{CLOSED_ENDPOINT}/' in module_result["msg"], module_result["msg"]
        return False
    return True


def test_each_group_reaches_the_modules_the_guide_says(
    installed_collections, cleanroomsml_fake, cleanroomsml_server, tmp_path
):
    model = cleanroomsml_fake.add_trained_model(name="defaults-check", status="ACTIVE")
    results = run_playbook(installed_collections, cleanroomsml_server, model, tmp_path)

    observed = {group: (reached(tasks["module"]), reached(tasks["amazon_aws"])) for group, tasks in results.items()}
    assert observed == DOCUMENTED_REACH
    described = [
        tasks["module"]["trained_model"]["name"] for tasks in results.values() if "trained_model" in tasks["module"]
    ]
    assert described == ["defaults-check"] * 2


def test_the_guide_has_the_table_of_groups():
    guide = (ROOT / "docs" / "docsite" / "rst" / "getting_started.rst").read_text(encoding="utf-8")
    rows = {
        group: tuple(cell.strip().startswith(("yes", "**yes")) for cell in cells)
        for group, *cells in (
            [cell.strip("`* -\n") for cell in row.split("\n     - ")] for row in guide.split("   * - ")[1:]
        )
    }
    assert {group: reach for group, reach in rows.items() if group.startswith("group/")} == DOCUMENTED_REACH
