// The JSON gateway's OpenAPI document (Swagger 2.0), generated at build time
// from the proto and proto/openapi/gateway.yaml by protoc-gen-swagger
// (proto/CMakeLists.txt) and compiled in; the public listener serves it at
// GET /openapi.json.
//
//   absl::string_view json = OpenApiJson();   // {"swagger": "2.0", "paths": {"/v1/...": ...}}
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_OPENAPI_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_OPENAPI_H_

#include "absl/strings/string_view.h"

namespace trackenrich::integrations {

absl::string_view OpenApiJson();

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_OPENAPI_H_
