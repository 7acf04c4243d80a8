"""`make demo`: seed the fake, serve it over HTTP and run docs/examples/demo.yml against it."""

import sys

from fake_playbook import ROOT, model_vars, run_playbook
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.seed import apply_seed, load_seed

EXAMPLES = ROOT / "docs" / "examples"


def main() -> int:
    fake = CleanRoomsMLFake(region="us-east-1")
    fake.reset()
    descriptions = apply_seed(fake, load_seed(EXAMPLES / "demo_models.yaml"))
    with fake.server() as endpoint_url:
        print(f"Clean Rooms ML fake at {endpoint_url}, holding {len(descriptions)} trained models:")
        for description in descriptions:
            print(f"  {description['name']:<20} {description['trainedModelArn']}")
        print(flush=True)
        result = run_playbook(EXAMPLES / "demo.yml", endpoint_url, {"models": model_vars(descriptions)})
        print(f"{len(fake.calls)} requests answered by the fake")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
