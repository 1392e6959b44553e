# Shared compile settings: warnings, sanitizers and the helper that registers tests.
add_library(convivia_options INTERFACE)
target_compile_options(convivia_options INTERFACE -Wall -Wextra -Wpedantic)
if(CONVIVIA_WARNINGS_AS_ERRORS)
  target_compile_options(convivia_options INTERFACE -Werror)
endif()
if(CONVIVIA_VALIDATE)
  target_compile_definitions(convivia_options INTERFACE CONVIVIA_VALIDATE=1)
endif()
if(CONVIVIA_SANITIZE)
  # -g1 (line tables) is all a sanitizer report needs and compiles much faster than full -g; -O1
  # (what the sanitizers' documentation suggests) compiles about a third faster than -O2 with
  # AddressSanitizer + UBSan (measured on the sweep plan's JSON code: 25 s against 39 s).
  target_compile_options(convivia_options INTERFACE -fsanitize=${CONVIVIA_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all -g1 -O1)
  target_link_options(convivia_options INTERFACE -fsanitize=${CONVIVIA_SANITIZE})
  if(CONVIVIA_SANITIZE MATCHES "thread")
    target_compile_definitions(convivia_options INTERFACE CONVIVIA_PARALLEL_STD_THREADS=1)
  endif()
endif()

# convivia_add_test(NAME name SOURCES a.cpp ... [LIBS ...] [TIMEOUT s] [LABELS ...] [FULL_OPTIMISATION])
# One helper so every test gets the same options, a timeout and the source dir in its environment.
function(convivia_add_test)
  cmake_parse_arguments(T "FULL_OPTIMISATION" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest_main convivia_options)
  # Test code itself needs no heavy optimisation (the engine libraries keep theirs); -O1 compiles in
  # about two thirds of the time of -O3. Tests whose own code computes a lot (the validation
  # programs' independent implementations) keep full optimisation.
  if(NOT T_FULL_OPTIMISATION)
    target_compile_options(${T_NAME} PRIVATE $<$<CONFIG:Release,RelWithDebInfo>:-O1>)
  endif()
  target_include_directories(${T_NAME} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  gtest_discover_tests(${T_NAME}
    DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
    ENVIRONMENT "CONVIVIA_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endfunction()
