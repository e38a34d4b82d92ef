// Pure builder and parser for the UPS Track Alert subscription call: one
// POST subscribes up to 100 1Z numbers for 14 days; UPS then pushes each
// event of those packages to the destination URL with the `credential`
// header given here (services/push receives them).
//
//   HttpRequest request = BuildUpsSubscriptionRequest(
//       {"1ZSBX0010300000029"}, access_token, "te-sub-1", "en_US",
//       {.url = "https://desk.example.com/push/ups", .credential_type = "Bearer",
//        .credential = secret});
//   absl::StatusOr<UpsSubscriptionAnswer> answer = ParseUpsSubscriptionResponse(response);
//
// Source: UPS-API/api-documentation UPSTrackAlert.yaml (servers
// https://onlinetools.ups.com/api/track/v1, CIE https://wwwcie.ups.com/api/track/v1):
//   POST /subscription/standard/package, OAuth bearer, headers transId and
//   transactionSrc (required); body TrackSubsServiceRequest {locale (required,
//   ^[a-z]{2}_[A-Z]{2}$), countryCode (required), trackingNumberList (at most
//   100, each ^1Z[0-9A-Z]{16}$), destination {url, credentialType,
//   credential} (all required)}; 200 TrackSubsServiceResponse
//   {validTrackingNumbers[], invalidTrackingNumbers[]}; 400
//   TrackSubsServiceErrorResponse {response {errors[{code, message}]},
//   invalidTrackingNumbers[]} (VSS210: no valid number in the list); 401
//   UJ0001; 403 blocked merchant; 429 rate limit; 500 VSS100.
//   "Each 1Z subscription is valid for 14 days" (the spec's FAQ).
//
// Errors (ParseUpsSubscriptionResponse): a 400 that names invalid numbers is
// an answer (every number invalid), not an error; other statuses map per
// adapters/common/upstream_status.h (401/403 FAILED_PRECONDITION, 429
// RESOURCE_EXHAUSTED, 5xx UNAVAILABLE, other 4xx INTERNAL); a 200 without
// the documented shape is UNAVAILABLE (malformed payload).
#ifndef TRACKENRICH_ADAPTERS_UPS_UPS_TRACK_ALERT_H_
#define TRACKENRICH_ADAPTERS_UPS_UPS_TRACK_ALERT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::ups {

inline constexpr absl::string_view kUpsSubscriptionPath =
    "/api/track/v1/subscription/standard/package";
// trackingNumberList maxItems (UPSTrackAlert.yaml; error VSS220 above it).
inline constexpr int kUpsSubscriptionMaxNumbers = 100;

// Where UPS pushes the events, and the header value it sends with them.
struct UpsPushDestination {
  std::string url;
  std::string credential_type = "Bearer";
  std::string credential;
};

struct UpsSubscriptionAnswer {
  std::vector<std::string> valid;
  std::vector<std::string> invalid;
};

// `numbers`: 1 to 100 normalized 1Z numbers.
http::HttpRequest BuildUpsSubscriptionRequest(absl::Span<const std::string> numbers,
                                              absl::string_view access_token,
                                              absl::string_view transaction_id,
                                              absl::string_view locale,
                                              const UpsPushDestination& destination);

absl::StatusOr<UpsSubscriptionAnswer> ParseUpsSubscriptionResponse(
    const http::HttpResponse& response);

}  // namespace trackenrich::adapters::ups

#endif  // TRACKENRICH_ADAPTERS_UPS_UPS_TRACK_ALERT_H_
