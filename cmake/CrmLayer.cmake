# crm_layer(NAME [LINKS targets...] [PRIVATE_LINKS targets...])
#
# One folder of src/, one static library crm_NAME. The layer's public headers are in
# include/crm/NAME/ and are included as "crm/NAME/x.hpp" through an include root of the
# layer's own in the build tree (build/layers/NAME/crm/NAME -> include/crm/NAME), so that
# a file sees a layer's headers only when its target links that layer: an include the
# layering forbids fails to compile, although every header is in the source tree where
# grep, an editor or `-Iinclude` finds it. Headers private to the layer stay beside its
# sources in src/NAME/ and are included by file name. LINKS are the layers (and libraries) whose types this layer's headers use;
# PRIVATE_LINKS are used by its sources only, and stay invisible to the layers above.
function(crm_layer name)
  cmake_parse_arguments(LAYER "" "" "LINKS;PRIVATE_LINKS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  set(root ${CMAKE_BINARY_DIR}/layers/${name})
  file(MAKE_DIRECTORY ${root}/crm)
  set(headers ${PROJECT_SOURCE_DIR}/include/crm/${name})
  if(IS_SYMLINK ${root}/crm/${name})
    file(READ_SYMLINK ${root}/crm/${name} linked)
    if(NOT linked STREQUAL headers)
      file(REMOVE ${root}/crm/${name})
    endif()
  endif()
  if(NOT EXISTS ${root}/crm/${name})
    file(CREATE_LINK ${headers} ${root}/crm/${name} SYMBOLIC)
  endif()
  if(sources)
    add_library(crm_${name} STATIC ${sources})
    target_include_directories(crm_${name} PUBLIC $<BUILD_INTERFACE:${root}>
                                                  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    target_link_libraries(crm_${name} PUBLIC ${LAYER_LINKS} PRIVATE ${LAYER_PRIVATE_LINKS})
    target_compile_options(crm_${name} PRIVATE -Wall -Wextra -Wpedantic)
  else()
    add_library(crm_${name} INTERFACE)
    target_include_directories(crm_${name} INTERFACE $<BUILD_INTERFACE:${root}>
                                                     $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    target_link_libraries(crm_${name} INTERFACE ${LAYER_LINKS})
  endif()
  # Installed as crm::NAME (cmake/crm-config.cmake.in), beside the umbrella crm::crm.
  set_target_properties(crm_${name} PROPERTIES EXPORT_NAME ${name})
endfunction()
