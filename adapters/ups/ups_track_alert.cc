#include "adapters/ups/ups_track_alert.h"

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

#include "adapters/common/upstream_status.h"

namespace trackenrich::adapters::ups {
namespace {

namespace json = boost::json;

// The strings of `field` (an array of strings) in `object`; false when the
// field is there but not an array of strings.
bool ReadNumbers(const json::object& object, const char* field, std::vector<std::string>* out) {
  const json::value* list = object.if_contains(field);
  if (list == nullptr || list->is_null()) return true;
  if (!list->is_array()) return false;
  for (const json::value& item : list->as_array()) {
    if (!item.is_string()) return false;
    out->emplace_back(item.as_string());
  }
  return true;
}

}  // namespace

http::HttpRequest BuildUpsSubscriptionRequest(absl::Span<const std::string> numbers,
                                              absl::string_view access_token,
                                              absl::string_view transaction_id,
                                              absl::string_view locale,
                                              const UpsPushDestination& destination) {
  json::array list;
  for (const std::string& number : numbers) list.emplace_back(number);
  // countryCode is required but "reserved for future use": the locale's.
  const absl::string_view country = locale.size() == 5 ? locale.substr(3) : "US";
  const json::object body{
      {"locale", json::string(locale.data(), locale.size())},
      {"countryCode", json::string(country.data(), country.size())},
      {"trackingNumberList", std::move(list)},
      {"destination", json::object{{"url", destination.url},
                                   {"credentialType", destination.credential_type},
                                   {"credential", destination.credential}}}};
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(kUpsSubscriptionPath);
  request.headers.emplace_back("Authorization", absl::StrCat("Bearer ", access_token));
  request.headers.emplace_back("transId", transaction_id);
  request.headers.emplace_back("transactionSrc", "trackenrich");
  request.headers.emplace_back("Content-Type", "application/json");
  request.headers.emplace_back("Accept", "application/json");
  request.body = json::serialize(body);
  // Resubscribing is harmless, but the subscription scheduler owns retries
  // (with its backoff and the usage plan), so the client sends it once.
  request.idempotent = false;
  return request;
}

absl::StatusOr<UpsSubscriptionAnswer> ParseUpsSubscriptionResponse(
    const http::HttpResponse& response) {
  boost::system::error_code error;
  const json::value body = json::parse(response.body, error);
  const json::object* object = error ? nullptr : body.if_object();
  UpsSubscriptionAnswer answer;
  if (response.status == 400 && object != nullptr &&
      ReadNumbers(*object, "invalidTrackingNumbers", &answer.invalid) && !answer.invalid.empty()) {
    // VSS210 and friends: the whole list was refused, the numbers named.
    return answer;
  }
  if (response.status != 200) return UpstreamHttpError("ups subscription", response);
  if (object == nullptr || !ReadNumbers(*object, "validTrackingNumbers", &answer.valid) ||
      !ReadNumbers(*object, "invalidTrackingNumbers", &answer.invalid)) {
    return MalformedPayload(
        "ups subscription",
        "expected {validTrackingNumbers: [...], invalidTrackingNumbers: [...]}");
  }
  return answer;
}

}  // namespace trackenrich::adapters::ups
