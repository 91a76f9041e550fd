# afterflow_embed_files(OUTPUT <file.cc> NAMESPACE <ns> FUNCTION <fn> FILES <f>...)
# Writes a C++ source that defines `std::vector<EmbeddedFile> ns::fn()` with the name and
# bytes of every file, so the binary carries its SQL migrations and runs from any directory.
function(afterflow_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;NAMESPACE;FUNCTION;HEADER" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND}
      -DOUTPUT=${ARG_OUTPUT} -DNAMESPACE=${ARG_NAMESPACE} -DFUNCTION=${ARG_FUNCTION}
      -DHEADER=${ARG_HEADER} "-DFILES=${ARG_FILES}"
      -P ${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake
    COMMENT "Embedding ${ARG_FUNCTION}"
    VERBATIM)
endfunction()
