"""The Panel front end of mathllm (``mathllm serve`` or ``panel serve app/workbench.py``)."""
