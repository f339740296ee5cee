"""xinyu (心育课程库): turns structured mental-health lesson plans and related
content into a searchable MkDocs site.

`xinyu.core` is plain Python (no MkDocs); `xinyu.plugin` is the thin MkDocs
layer over it and `xinyu.cli` the command-line tool.
"""

__version__ = "0.1.0"
