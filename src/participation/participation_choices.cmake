# Non-ranked tallies, stakeholder colleges and their presets, participatory budgeting, the ballot
# summary and the quorum, and the JSON input of every tally (docs/participation.md).
list(APPEND ECOSOL_PARTICIPATION_SOURCES input.cc colleges.cc choices.cc budget.cc)
list(APPEND ECOSOL_PARTICIPATION_TESTS input_test.cc colleges_test.cc choices_test.cc
     budget_test.cc)
