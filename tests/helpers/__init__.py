"""What several test suites share: runners of the collection's plugins, their fixtures and sample values.

tests/ is on sys.path through the root pytest configuration (pyproject.toml), so that tests import
these as `helpers.<module>` rather than importing a conftest.
"""
