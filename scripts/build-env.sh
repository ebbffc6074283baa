# Sourced by scripts/test.sh and scripts/fuzz.sh (not run): what the builds share.
#
# ECOSOL_CCACHE_ARGS: CMake arguments that put ccache in front of the compilers when it is
# installed (bootstrap installs it) and ECOSOL_CCACHE is not 0. Paths under the checkout are
# hashed relative to it (CCACHE_BASEDIR, CCACHE_NOHASHDIR), so a fresh clone in another folder,
# as CI makes, reuses what an earlier build on the same machine compiled.
#
# ECOSOL_SANITIZE_DIR and ECOSOL_SANITIZE_CMAKE_ARGS: the one sanitizer build that `make asan`
# (the C++ tests under AddressSanitizer and UndefinedBehaviorSanitizer) and `make fuzz` (the
# libFuzzer targets) share, so that CI compiles the tree under the sanitizers once. It needs
# clang (libFuzzer is clang's), at -O0 with line tables (CMakeLists.txt).
ECOSOL_CCACHE_ARGS=""
if [ "${ECOSOL_CCACHE:-1}" != 0 ] && command -v ccache >/dev/null 2>&1; then
  ECOSOL_CCACHE_ARGS="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache"
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
  export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi
ECOSOL_SANITIZE_DIR=${ECOSOL_SANITIZE_DIR:-build/asan}
ECOSOL_SANITIZE_CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Debug -DECOSOL_SANITIZE=ON -DECOSOL_FUZZ=ON \
-DECOSOL_BUILD_BENCH=OFF"
# The compilers of that build, read by CMake when it first configures the folder (a folder first
# configured with GCC stays so; delete it to switch: CMake then says ECOSOL_FUZZ needs clang).
ECOSOL_SANITIZE_CC=clang
ECOSOL_SANITIZE_CXX=clang++
