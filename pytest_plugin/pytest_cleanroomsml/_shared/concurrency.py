# DO NOT EDIT: written by `make schema` from plugins/module_utils/concurrency.py.
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Run many independent API calls at once, keeping the caller's order."""

from concurrent.futures import ThreadPoolExecutor

MAX_CONCURRENCY_LIMITS = (1, 32)
DEFAULT_MAX_CONCURRENCY = 8


def map_concurrently(function, items, max_concurrency=DEFAULT_MAX_CONCURRENCY):
    """Return [function(item) for item in items], at most max_concurrency calls at a time.

    Results keep the order of ``items``. The first exception (in that order) is raised
    here; calls not yet started are cancelled, those running are let finish.
    """
    items = list(items)
    if len(items) <= 1 or max_concurrency <= 1:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(max_concurrency, len(items))) as executor:
        futures = [executor.submit(function, item) for item in items]
        try:
            return [future.result() for future in futures]
        except BaseException:
            for future in futures:
                future.cancel()
            raise
