# Writes OUT, a C++ file defining trackenrich::integrations::OpenApiJson()
# with the bytes of IN (the generated OpenAPI document). Run at build time:
#   cmake -DIN=trackenrich.swagger.json -DOUT=openapi_data.cc -P embed.cmake
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE ${OUT}
"// Generated from ${IN} by proto/openapi/embed.cmake; do not edit.\n"
"#include \"services/integrations/openapi.h\"\n\n"
"namespace trackenrich::integrations {\n"
"namespace {\n"
"constexpr char kOpenApi[] = {${bytes}};\n"
"}  // namespace\n\n"
"absl::string_view OpenApiJson() { return absl::string_view(kOpenApi, sizeof(kOpenApi)); }\n\n"
"}  // namespace trackenrich::integrations\n")
