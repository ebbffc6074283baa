# Ranked tallies (ranked.h): Borda and instant-runoff (ranked.cc), Schulze (schulze.cc), STV with
# seats reserved per category (stv.cc); docs/participation.md states their rules.
list(APPEND ECOSOL_PARTICIPATION_SOURCES ranked.cc schulze.cc stv.cc tie_order.cc)
list(APPEND ECOSOL_PARTICIPATION_TESTS ranked_test.cc)
