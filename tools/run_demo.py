"""`make demo`: seed the fake, serve it over HTTP and run docs/examples/demo.yml against it."""

import sys
from pathlib import Path

from fake_playbook import ROOT, model_vars, run_playbook
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.seed import apply_seed, load_seed

EXAMPLES = ROOT / "docs" / "examples"


def main():
    fake = CleanRoomsMLFake(region="us-east-1")
    fake.reset()
    descriptions = apply_seed(fake, load_seed(EXAMPLES / "demo_models.yaml"))
    with fake.server() as endpoint_url:
        print("Clean Rooms ML fake at %s, holding %d trained models:" % (endpoint_url, len(descriptions)))
        for description in descriptions:
            print("  %-20s %s" % (description["name"], description["trainedModelArn"]))
        print(flush=True)
        result = run_playbook(EXAMPLES / "demo.yml", endpoint_url, {"models": model_vars(descriptions)})
        print("%d requests answered by the fake" % len(fake.calls))
    return result.returncode


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
