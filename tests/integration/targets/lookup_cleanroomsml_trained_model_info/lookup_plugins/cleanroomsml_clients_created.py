# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
name: cleanroomsml_clients_created
short_description: How many boto3 clients the cleanrooms.ml lookups built in this Ansible process
description:
  - A test helper of this integration target. Ansible runs each task in its own worker process,
    so within one template it counts the clients that template's lookups built.
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
"""

from ansible.plugins.lookup import LookupBase
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.client_cache import CLIENT_CACHE


class LookupModule(LookupBase):
    def run(self, terms, variables=None, **kwargs):
        return [CLIENT_CACHE.clients_created]
