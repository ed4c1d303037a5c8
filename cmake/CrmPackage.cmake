# The library other programs link: the layers that read a data folder and compute its
# reports (model, schema, store, reports, and what they stand on), their public headers,
# and a CMake package, so that a program can
#
#   find_package(crm REQUIRED)
#   target_link_libraries(app PRIVATE crm::crm)
#
# and compute `crm due` over a folder (examples/due-api). The command line's layers (cli,
# commands, render, formats) are crm's own and are not installed.
include(CMakePackageConfigHelpers)

set(CRM_LIBRARY_LAYERS util os model yaml schema git store reports)

add_library(crm_library INTERFACE)
foreach(layer ${CRM_LIBRARY_LAYERS})
  target_link_libraries(crm_library INTERFACE crm_${layer})
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/crm/${layer}
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/crm)
endforeach()
set_target_properties(crm_library PROPERTIES EXPORT_NAME crm)
add_library(crm::crm ALIAS crm_library)

list(TRANSFORM CRM_LIBRARY_LAYERS PREPEND crm_ OUTPUT_VARIABLE crm_library_targets)
install(TARGETS crm_library ${crm_library_targets}
        EXPORT crm-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
set(CRM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/crm)
install(EXPORT crm-targets NAMESPACE crm:: DESTINATION ${CRM_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/crm-config.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/crm-config.cmake
                              INSTALL_DESTINATION ${CRM_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/crm-config-version.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/crm-config.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/crm-config-version.cmake
        DESTINATION ${CRM_CMAKE_DIR})
