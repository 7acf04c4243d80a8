"""Benchmarks of the cleanrooms.ml collection and the pytest-cleanroomsml plugin (`make bench`).

tools/ is not a package; its fake_playbook helpers (the environment and command line of
ansible-playbook against the fake) are shared with the demo and the integration tests.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(ROOT / "tools"))
