#include "adapters/amazon/sp_api_errors.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"

namespace trackenrich::adapters::amazon {

std::string SpApiErrorCode(absl::string_view body) {
  auto root = ParseJsonObject("sp_api", body);
  if (!root.ok()) return "";
  const boost::json::value value(std::move(*root));
  const boost::json::array* errors = JsonArray(value, {"errors"});
  if (errors == nullptr || errors->empty()) return "";
  std::string code = JsonString((*errors)[0], {"code"});
  // A code is a short identifier; anything else is not repeated.
  for (char& c : code) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') c = '?';
  }
  if (code.size() > 48) code.resize(48);
  return code;
}

absl::Status SpApiError(absl::string_view operation, absl::string_view tenant,
                        const http::HttpResponse& response) {
  const std::string code = SpApiErrorCode(response.body);
  const std::string detail =
      absl::StrCat("HTTP ", response.status, code.empty() ? "" : absl::StrCat(" ", code));
  const int status = response.status;
  if (status == 400) {
    return absl::InvalidArgumentError(
        absl::StrCat("sp_api ", operation, ": Amazon rejected the request (", detail, ")"));
  }
  if (status == 401 || status == 403) {
    return absl::FailedPreconditionError(
        absl::StrCat("sp_api ", operation, ": Amazon refused the credentials of tenant '", tenant,
                     "' (", detail, "); the seller must authorize the app for this API"));
  }
  if (status == 404) {
    return absl::NotFoundError(absl::StrCat("sp_api ", operation, ": not found (", detail, ")"));
  }
  if (status == 429) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "sp_api ", operation, ": usage plan exhausted for tenant '", tenant, "' (", detail, ")"));
  }
  if (status >= 500 || status == 408) {
    return absl::UnavailableError(absl::StrCat("sp_api ", operation, ": ", detail));
  }
  return absl::InternalError(
      absl::StrCat("sp_api ", operation, ": unexpected answer (", detail, ")"));
}

}  // namespace trackenrich::adapters::amazon
