# Opinion maps as in Polis (opinion.h): the checks, representative statements and consensus
# (opinion.cc), the geometry with Eigen: PCA, k-means, silhouette (opinion_map.cc), and the
# JSON form (opinion_input.cc); docs/participation.md, "Opinion map".
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
list(APPEND ECOSOL_PARTICIPATION_SOURCES opinion.cc opinion_map.cc opinion_input.cc)
list(APPEND ECOSOL_PARTICIPATION_TESTS opinion_test.cc)
list(APPEND ECOSOL_PARTICIPATION_PRIVATE_LIBS Eigen3::Eigen)
