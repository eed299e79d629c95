# JupyterLab server settings for learners; `make lab` passes this file with --config.
# Safe defaults: listen on this computer only, always ask for the random token that Jupyter
# prints (never disable it), no calls to the internet (news, update checks, extension index).
c = get_config()  # noqa: F821 (provided by Jupyter when it reads this file)

# Only this computer can connect.
c.ServerApp.ip = "127.0.0.1"
c.ServerApp.allow_remote_access = False
# Token authentication stays on: Jupyter makes a new random token at every start and opens
# the browser with it. Never set an empty token or password here.
# Open the browser on the first lesson; pass --no-browser to start without it.
c.ServerApp.open_browser = True
# No news feed and no check for new JupyterLab versions (both would contact a website).
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.handlers.announcements.NeverCheckForUpdate"
# Hidden files and folders (.git, .venv, .jupyter) stay out of the file browser.
c.ContentsManager.allow_hidden = False
# Shut down kernels that have been idle for 2 hours, so forgotten tabs free the memory.
c.MappingKernelManager.cull_idle_timeout = 7200
c.MappingKernelManager.cull_interval = 600
# The extension manager would search PyPI; learners need no extra extensions.
c.LabApp.extension_manager = "readonly"
