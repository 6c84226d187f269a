# Two commands do all set-up:  make run  (install, build the SPA and demo, serve)  and  make test.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Linux MLX backend: cpu, cuda12 or cuda13 (MLX_BACKEND=… overrides; see backend/mlx_backend.py).
ifeq ($(origin MLX_BACKEND), undefined)
MLX_BACKEND := $(shell $(PYTHON) -m backend.mlx_backend)
endif
INSTALLED := $(VENV)/.installed-$(MLX_BACKEND)
SPA := frontend/dist/index.html
FRONTEND_SRC := $(shell find frontend/src frontend/electron frontend/index.html frontend/package.json frontend/vite.config.ts -type f 2>/dev/null)

.PHONY: install frontend demo run test test-python test-frontend system-deps clean bench

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# the backends are exclusive (each installs its own libmlx): drop the others before switching
	@$(PY) -m pip uninstall --quiet -y $$(MLX_BACKEND=$(MLX_BACKEND) $(PYTHON) -m backend.mlx_backend --conflicting) 2>/dev/null || true
	$(PY) -m pip install --quiet -e '.[dev,$(MLX_BACKEND)]'
	@rm -f $(VENV)/.installed*
	@touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $@

$(SPA): frontend/node_modules/.installed $(FRONTEND_SRC)
	cd frontend && npm run build

frontend: $(SPA)

demo: install
	$(PY) -m backend demo

run: install frontend demo
	$(PY) -m backend serve --host $(HOST) --port $(PORT)

# Debian's Chromium drives the browser tests (no browser download at run time).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is needed for the browser tests: install it (e.g. apt-get install chromium)"; exit 1; \
		fi; \
	fi
	@# sshd for the two-host test (tests/netns: two network namespaces, an sshd in each; root only)
	@if { [ ! -x /usr/sbin/sshd ] || ! command -v ip >/dev/null 2>&1; } && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server iproute2 >/dev/null; \
	fi

test: install frontend system-deps test-frontend test-python

# check:api fails when frontend/src/app/generated/openapi.ts is stale (run `npm run gen:api`).
test-frontend: install frontend/node_modules/.installed
	cd frontend && npm run typecheck && PYTHON=$(abspath $(PY)) npm run check:api && npm test

test-python: install
	$(PY) -m pytest -q

# Every benchmark, one table (ratios measured side by side in one run; about five minutes on 2 cores).
bench: install frontend demo
	$(PY) scripts/bench/table.py

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist .pytest_cache
