# Writes a header with the current git commit (with "-modified" when tracked files differ from it),
# at every build rather than at configure time, so output files never name a stale commit. The
# header is rewritten only when the text changes, so an unchanged commit triggers no rebuild.
# Arguments: -DSOURCE_DIR=... -DOUTPUT=...
execute_process(COMMAND git rev-parse --short=12 HEAD WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT commit)
  set(commit "unknown")
else()
  execute_process(COMMAND git status --porcelain --untracked-files=no WORKING_DIRECTORY ${SOURCE_DIR}
    OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(changes)
    set(commit "${commit}-modified")
  endif()
endif()
set(text "// Generated at build time by cmake/WriteGitCommit.cmake.\n#pragma once\n#define CONVIVIA_GIT_COMMIT \"${commit}\"\n")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old_text)
endif()
if(NOT "${old_text}" STREQUAL "${text}")
  file(WRITE ${OUTPUT} "${text}")
endif()
