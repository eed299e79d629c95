# The two commands of the README: `make lab` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = 1
# The test suite starts about a hundred Python processes (workers, kernels, runners): with bytecode
# caches (__pycache__/, ignored by git) each reads what the first compiled instead of compiling the
# same files again, which a PYTHONDONTWRITEBYTECODE in the environment would forbid.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: lab lab-zh test test-under-load setup exercises notebooks sync-code execute audit bench lint grade site site-setup test-site

$(BIN)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed

# the notebook `make lab` opens: LESSON=zh/lessons/00_start_here.ipynb (or `make lab-zh`) for the
# Chinese edition, any other lesson by its path
LESSON ?= lessons/00_start_here.ipynb

lab: setup  ## open the course in JupyterLab at the first lesson (LESSON=..., LAB_ARGS=...)
	test -f $(LESSON) || { echo "no such notebook: $(LESSON)"; exit 2; }
	JUPYTERLAB_SETTINGS_DIR=$(CURDIR)/.jupyter/lab/user-settings \
	$(BIN)/jupyter lab --config=$(CURDIR)/.jupyter/jupyter_server_config.py \
		--ServerApp.root_dir=$(CURDIR) $(LAB_ARGS) $(LESSON)

lab-zh:  ## 中文版: open the Chinese edition in JupyterLab at its first lesson
	$(MAKE) lab LESSON=zh/lessons/00_start_here.ipynb

test: setup  ## the whole test suite: library, data, claims, notebooks, grading, browser
	$(BIN)/ruff check retool tests benchmarks
	$(BIN)/python -m pytest -n 3 --dist loadfile

test-under-load: setup  ## the suite 3 times beside two busy processes, then once idle (writes benchmarks/suite.md)
	$(BIN)/python benchmarks/suite_under_load.py $(LOAD_ARGS)

exercises: setup  ## regenerate exercises/ from solutions/ (and zh/exercises/ from zh/solutions/)
	$(BIN)/python -m retool make-exercises

notebooks: setup  ## sync lessons/ and solutions/ (both editions) with their .md text, strip what is not content (FROM=text|notebook)
	$(BIN)/python -m retool notebooks $(if $(FROM),--from $(FROM))

sync-code: setup  ## copy the English code cells into the Chinese edition (zh/); then make execute NOTEBOOKS=...
	$(BIN)/python -m retool notebooks --sync-code

execute: setup  ## re-execute every lesson and solution (or NOTEBOOKS=...), sync, regenerate exercises
	$(BIN)/python -m retool notebooks --execute $(NOTEBOOKS)
	$(BIN)/python -m retool make-exercises

audit: setup  ## print the claims audit
	$(BIN)/python -m retool audit

bench: setup  ## measure the speed budgets and write benchmarks/latest.md (BENCH_ARGS=--skip-venv)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

grade: setup  ## grade a folder of submissions: make grade SUBMISSIONS=folder
	$(BIN)/python -m retool grade $(SUBMISSIONS)

# The website (book/): Jupyter Book 1 from the notebooks' stored outputs, into build/site/.
# LAUNCH_URL is the one setting for the pages' "Run it in JupyterLab" links ({path}: the notebook).
LAUNCH_URL ?= http://localhost:8888/lab/tree/{path}

$(BIN)/.site-installed: $(BIN)/.installed requirements-site.txt book/package.json book/package-lock.json
	$(BIN)/python -m pip install --quiet -r requirements-site.txt
	npm ci --prefix book --no-audit --no-fund --silent
	touch $@

site-setup: $(BIN)/.site-installed

site: site-setup  ## build the course website into build/site/ (LAUNCH_URL=... for the launch links)
	$(BIN)/python book/build_site.py --launch-url '$(LAUNCH_URL)'

test-site: site  ## the website in Chromium: loads offline, search, charts, downloads, language switch, axe
	$(BIN)/ruff check book
	$(BIN)/python -m pytest book/tests -q
