"""The plain-Python core: loading, validating and analysing content.

Nothing in this package imports MkDocs, so the `xinyu` CLI and the tests can
use it directly.
"""
