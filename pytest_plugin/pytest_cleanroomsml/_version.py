"""The version of pytest-cleanroomsml, which is the collection's (galaxy.yml).

DO NOT EDIT: written by `make schema` from galaxy.yml.
"""

__version__ = "0.1.0"
