"""retool: the library behind the course on 原磊、王加胜《传统产业改造和先进制造业发展》.

Data loaders live in `retool.data`, pure measures in `retool.measures`, the claims audit in
`retool.claims`, charts in `retool.plots`, teaching models in `retool.models`, widgets in
`retool.widgets`, exercise checks in `retool.exercises` and class grading in `retool.grading`.
"""

__version__ = "0.1.0"
