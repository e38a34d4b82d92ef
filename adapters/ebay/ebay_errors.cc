#include "adapters/ebay/ebay_errors.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/json_util.h"

namespace trackenrich::adapters::ebay {
namespace {

// A short upper-case identifier, or "" (free text is never repeated).
std::string Identifier(std::string text) {
  if (text.size() > 32) return "";
  for (char c : text) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') return "";
  }
  return text;
}

}  // namespace

EbayErrorInfo ParseEbayErrorInfo(absl::string_view body) {
  EbayErrorInfo info;
  auto root = ParseJsonObject("ebay", body);
  if (!root.ok()) return info;
  const boost::json::value value(std::move(*root));
  const boost::json::array* errors = JsonArray(value, {"errors"});
  if (errors == nullptr || errors->empty()) return info;
  const boost::json::value& first = (*errors)[0];
  int id = 0;
  if (absl::SimpleAtoi(JsonString(first, {"errorId"}), &id) && id > 0) info.error_id = id;
  info.domain = Identifier(JsonString(first, {"domain"}));
  info.category = Identifier(JsonString(first, {"category"}));
  return info;
}

absl::Status EbayError(absl::string_view operation, absl::string_view tenant,
                       const http::HttpResponse& response) {
  const EbayErrorInfo info = ParseEbayErrorInfo(response.body);
  std::string detail = absl::StrCat("HTTP ", response.status);
  if (info.error_id != 0) absl::StrAppend(&detail, ", errorId ", info.error_id);
  if (!info.domain.empty()) absl::StrAppend(&detail, " ", info.domain);
  if (!info.category.empty()) absl::StrAppend(&detail, "/", info.category);
  const int status = response.status;
  if (status == 400 && info.error_id == kEbayInvalidOrderId) {
    return absl::InvalidArgumentError(absl::StrCat(
        "order_id: eBay ", operation, " says this is not an eBay order ID (", detail, ")"));
  }
  if (status == 401 || status == 403) {
    return absl::FailedPreconditionError(absl::StrCat(
        "ebay ", operation, ": eBay refused the credentials of tenant '", tenant, "' (", detail,
        "); the seller must grant the app the sell.fulfillment scope again"));
  }
  if (status == 404) {
    return absl::NotFoundError(absl::StrCat("ebay ", operation, ": no such order (", detail, ")"));
  }
  if (status == 429) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "ebay ", operation, ": call limit reached for tenant '", tenant, "' (", detail, ")"));
  }
  if (status >= 500 || status == 408) {
    return absl::UnavailableError(
        absl::StrCat("ebay ", operation, ": upstream unavailable (", detail, ")"));
  }
  return absl::InternalError(
      absl::StrCat("ebay ", operation, ": eBay rejected the request (", detail, ")"));
}

}  // namespace trackenrich::adapters::ebay
