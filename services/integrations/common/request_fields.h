// Reading what a help desk sent: query-string and form parameters, and a
// JSON-object body. Pure; errors are INVALID_ARGUMENT naming what is wrong,
// so the caller can answer 400 with the message.
//
//   auto params = RequestParameters(request);   // ?email=a%40b.c&ticket_id=7 + body
//   (*params)["email"] == "a@b.c"
//   auto body = ParseJsonBody(request.body);    // boost::json::object
//
// Include only from .cc files: Boost.JSON is heavy.
#ifndef TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_REQUEST_FIELDS_H_
#define TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_REQUEST_FIELDS_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "boost/json/object.hpp"

#include "adapters/http/http_message.h"
#include "trackenrich/v1/tracking_service.pb.h"

namespace trackenrich::integrations {

using Parameters = absl::flat_hash_map<std::string, std::string>;

// `%XX` and `+` decoded; INVALID_ARGUMENT for a broken escape.
absl::StatusOr<std::string> FormDecode(absl::string_view text);

// "a=1&b=two" -> {a: 1, b: two}; a later repeat wins.
absl::StatusOr<Parameters> ParseForm(absl::string_view text);

// The query string's parameters, then the body's on top: a JSON object's
// members (strings, and numbers as text) or a form's, by Content-Type (JSON
// when it is absent and the body starts with "{").
absl::StatusOr<Parameters> RequestParameters(const http::HttpRequest& request);

// The body as a JSON object; INVALID_ARGUMENT "request body: ..." otherwise.
absl::StatusOr<boost::json::object> ParseJsonBody(absl::string_view body);

// An order reference from `order_id`, `channel` (amazon, shopify, ebay,
// other; "" lets the service decide) and `marketplace_id`; INVALID_ARGUMENT
// naming `channel` for another value.
absl::StatusOr<v1::OrderRef> OrderRefFrom(absl::string_view order_id, absl::string_view channel,
                                          absl::string_view marketplace_id);

// The path of an origin-form target, without the query.
absl::string_view TargetPath(absl::string_view target);

}  // namespace trackenrich::integrations

#endif  // TRACKENRICH_SERVICES_INTEGRATIONS_COMMON_REQUEST_FIELDS_H_
