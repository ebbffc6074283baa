# Installation and the Debian package (docs/operations.md, "Debian package"):
#   cmake --install build/release --prefix /usr        # or
#   cd build/release && cpack -G DEB                    # ecosol_<version>_amd64.deb
# The package holds the binary, the web app (when web/dist is built), the data files and
# frameworks, the example configuration as a conffile, and the systemd unit; its maintainer
# scripts (packaging/debian/) create the system user and start the service where systemd runs.

include(GNUInstallDirs)
install(TARGETS ecosol RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ecosol/data)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/frameworks/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/ecosol/frameworks)
# The web app is built by npm (`make web`), after the C++ tests: packaged when present.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ecosol/web
        OPTIONAL)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ecosol.toml DESTINATION /etc/ecosol)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ecosol.service DESTINATION lib/systemd/system)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ecosol)
set(CPACK_PACKAGE_VENDOR "Ecosol developers")
set(CPACK_PACKAGE_CONTACT "Ecosol developers <dev@ecosol.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "registry, screening and analytics of the social and solidarity economy")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/ecosol/ecosol")
# The shared libraries' packages (libsodium23, libigraph3, ...) found by dpkg-shlibdeps; adduser
# for the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-15, postgresql-client-15")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)

if(ECOSOL_BUILD_TESTS)
  # Builds the package, checks its control data and contents, and starts a server from the
  # unpacked files with the packaged configuration (needs cpack, dpkg-deb, curl, jq).
  add_test(NAME debian_package
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/operations/debian_package_test.sh
                   ${CMAKE_BINARY_DIR})
  set_tests_properties(debian_package PROPERTIES LABELS cli TIMEOUT 600 RUN_SERIAL TRUE)
endif()
