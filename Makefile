# cleanrooms.ml: the Ansible collection and the pytest-cleanroomsml plugin.
# `make demo` and `make test` set everything up on a machine with only Python 3.11 and pip.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(abspath $(VENV))/bin
BUILD := $(abspath build)
COLLECTIONS := $(BUILD)/ansible_collections
COLLECTION_LINK := $(COLLECTIONS)/cleanrooms/ml
AMAZON_AWS_LINK := $(COLLECTIONS)/amazon/aws
INSTALLED := $(VENV)/.installed
AWSCLI_VENV := $(VENV)/awscli

# ansible-playbook, ansible-doc and the tests find both collections in build/.
export ANSIBLE_COLLECTIONS_PATH := $(BUILD)
export ANSIBLE_LOCAL_TEMP := $(BUILD)/tmp/local
export ANSIBLE_REMOTE_TEMP := $(BUILD)/tmp/remote
export ANSIBLE_NOCOLOR := 1
PYTEST := $(BIN)/python -m pytest -p no:cacheprovider

.PHONY: venv tree schema demo lint test units plugin-tests integration sanity schema-check ecosystem reliability reference changelog bench bench-smoke release docsite clean

venv: $(INSTALLED)

# .venv/awscli: the AWS CLI the benchmarks compare with, in an environment of its own (see requirements-awscli.txt).
# _version.py: galaxy.yml's version, copied by `make schema`; the plugin's metadata takes it when installed.
$(INSTALLED): requirements.txt requirements-dev.txt requirements-ecosystem.txt requirements-awscli.txt constraints.txt \
    pytest_plugin/pyproject.toml pytest_plugin/pytest_cleanroomsml/_version.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r requirements-dev.txt -r requirements-ecosystem.txt -c constraints.txt -e ./pytest_plugin
	$(PYTHON) -m venv $(AWSCLI_VENV)
	$(AWSCLI_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-awscli.txt
	touch $@

# build/ansible_collections/{cleanrooms/ml -> repo, amazon/aws -> the copy the ansible package installed}
tree: venv
	mkdir -p $(COLLECTIONS)/cleanrooms $(COLLECTIONS)/amazon $(ANSIBLE_LOCAL_TEMP) $(ANSIBLE_REMOTE_TEMP)
	ln -sfn $(CURDIR) $(COLLECTION_LINK)
	ln -sfn "$$($(BIN)/python -c 'import ansible_collections.amazon.aws as m; print(list(m.__path__)[0])')" $(AMAZON_AWS_LINK)
	$(BIN)/python tools/ansible_test_pip_bootstrap.py --install >/dev/null

schema: venv
	$(BIN)/python tools/schema_copies.py

schema-check: venv
	$(BIN)/python tools/schema_copies.py --check

demo: tree
	$(BIN)/python tools/run_demo.py

# pyproject.toml's pytest settings put build/, tests/ and tools/ on sys.path for every suite.
units: tree
	$(PYTEST) tests/unit

plugin-tests: venv
	cd pytest_plugin && $(PYTEST) tests

integration: tree
	$(PYTEST) tests/integration

# ansible-test needs a real directory (see tools/sanity_tree.py).
SANITY_COLLECTION := $(BUILD)/sanity/ansible_collections/cleanrooms/ml
sanity: tree
	$(BIN)/python tools/sanity_tree.py $(SANITY_COLLECTION) "$$(readlink $(AMAZON_AWS_LINK))"
	cd $(SANITY_COLLECTION) && $(BIN)/ansible-test sanity --python 3.11 --venv --color no

# Docs, lint, changelog, the collection tarball (galaxy-importer, ansible-runner), execution environment
# metadata, the HTML docsite and the pytest plugin's sdist and wheel (twine check). The checks that install
# into a fresh venv from PyPI (about two minutes together): ECOSYSTEM_ARGS='-m "not slow"' leaves them out.
ECOSYSTEM_ARGS ?=
ecosystem: tree
	$(PYTEST) tests/ecosystem $(ECOSYSTEM_ARGS)

# Both release artifacts in dist/ (collection tarball; plugin sdist and wheel), checked by galaxy-importer and
# `twine check --strict`; prints where each is uploaded (docs/releasing.md). Uploads nothing.
release: tree
	PYTHONPATH=$(CURDIR)/tools $(BIN)/python tools/ecosystem/release_artifacts.py --dist dist

# The collection's documentation as HTML in build/docsite/html, with antsibull-docs and Sphinx, offline.
docsite: tree
	$(BIN)/python tools/ecosystem/docsite.py build/docsite

# docs/reference/ from the plugins' documentation.
reference: tree
	PYTHONPATH=$(CURDIR)/tools $(BIN)/python tools/ecosystem/plugin_reference.py

# CHANGELOG.rst from changelogs/changelog.yaml.
changelog: venv
	$(BIN)/antsibull-changelog generate

# Bad input, injected faults, secrets at -vvvv and concurrency; prints its counts.
reliability: tree
	$(PYTEST) tests/reliability

# Style and types (pyproject.toml): ruff's lint rules and format over all Python, mypy over the pytest plugin and tools/.
# mypy runs twice: on the pytest plugin and tools/ (pyproject.toml's files), and on the collection
# under its import names, through the build/ tree `make tree` lays out.
lint: tree
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	MYPYPATH=$(BUILD) $(BIN)/mypy -p ansible_collections.cleanrooms.ml.plugins \
		-m ansible_collections.cleanrooms.ml.extensions.eda.plugins.event_source.trained_model_status

test: lint units plugin-tests integration reliability bench-smoke sanity ecosystem

# Ratios of our figures to the alternatives', measured alternately in one run (benchmarks/README.md).
bench: tree
	$(BIN)/python -m benchmarks.run

# Each benchmark runs at a tiny size: they keep working, whatever their figures.
bench-smoke: tree
	$(PYTEST) tests/bench_smoke

# The plugin's tests against the oldest moto pytest_plugin/pyproject.toml claims and the newest below 6 on PyPI,
# each in a venv of its own under build/moto-compat/ (docs/fake.md says why the fake depends on moto's version).
.PHONY: moto-compat
MOTO_OLDEST = $(shell sed -n 's/.*"moto\[server\]>=\([0-9.]*\),.*/\1/p' pytest_plugin/pyproject.toml)
MOTO_COMPAT := $(BUILD)/moto-compat
moto-compat:
	@test -n "$(MOTO_OLDEST)" || { echo "no moto lower bound found in pytest_plugin/pyproject.toml" >&2; exit 1; }
	failed=""; for label in oldest newest; do \
		if [ $$label = oldest ]; then spec="moto[server]==$(MOTO_OLDEST)"; else spec="moto[server]<6"; fi; \
		venv="$(MOTO_COMPAT)/$$label"; \
		$(PYTHON) -m venv "$$venv" && "$$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade \
			"$$spec" "pytest-xdist>=3.5,<4" -e ./pytest_plugin; \
		echo "== moto $$("$$venv/bin/python" -c 'import moto; print(moto.__version__)') ($$label: $$spec)"; \
		(cd pytest_plugin && "$$venv/bin/python" -m pytest -p no:cacheprovider -q tests) || failed="$$failed $$label"; \
	done; \
	if [ -n "$$failed" ]; then echo "moto-compat: the plugin's tests failed with the$$failed moto" >&2; exit 1; fi

clean:
	rm -rf build dist tests/output
