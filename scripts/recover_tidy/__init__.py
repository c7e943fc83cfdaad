"""The parts of the recover-tidy command that do more than run clang-tidy:
finding identities and baselines (identity), changed lines (changes), and
the reports (report).  bin/recover-tidy imports them from
share/recover-tidy/python beside its own directory."""
