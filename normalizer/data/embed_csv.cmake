# Writes INPUT (a text file) into OUTPUT as `extern const char kCogCatalogueCsv[]`.
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n"
  "namespace poa::normalizer {\nextern const char kCogCatalogueCsv[];\n"
  "const char kCogCatalogueCsv[] = {${bytes} '\\0'};\n}\n")
