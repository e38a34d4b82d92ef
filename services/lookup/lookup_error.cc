#include "services/lookup/lookup_error.h"

#include <string>

namespace trackenrich::server {

v1::LookupError ToLookupError(absl::string_view subject, const absl::Status& status) {
  v1::LookupError error;
  error.set_subject(std::string(subject));
  error.set_code(static_cast<int32_t>(status.code()));
  error.set_message(std::string(status.message()));
  return error;
}

}  // namespace trackenrich::server
