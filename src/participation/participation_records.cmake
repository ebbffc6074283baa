# Verifiable records (records.h): the hash-chained decision log, ballot commitments and the
# RFC 6962 Merkle tree (records.cc), sortition from a public seed (sortition.cc), and the check
# of a whole log (verify.cc, verify_decisions.cc); SHA-256 and randomness from libsodium.
list(APPEND ECOSOL_PARTICIPATION_SOURCES records.cc sortition.cc verify.cc verify_decisions.cc)
list(APPEND ECOSOL_PARTICIPATION_TESTS records_test.cc sortition_test.cc verify_test.cc)
list(APPEND ECOSOL_PARTICIPATION_PRIVATE_LIBS PkgConfig::SODIUM)
