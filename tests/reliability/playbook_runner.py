"""ansible-playbook against the fake, as the integration tests run it: tools/fake_playbook.py (tools/ is not a
package).
"""

from pathlib import Path

# pylint: disable=unused-import,wrong-import-position
from fake_playbook import (
    model_vars,  # noqa: F401
    run_playbook,  # noqa: F401
)

PLAYBOOKS = Path(__file__).parent / "playbooks"
