#include "adapters/amazon_shipping/sandbox/amazon_shipping_scenarios.h"

#include <atomic>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

constexpr absl::string_view kTokenPrefix = "Atza|sandbox-lwa-token-";

struct Event {
  const char* code;
  double hours_ago;
  bool returns_leg;
  const char* city;
};

struct Definition {
  const char* number;
  const char* name;
  const char* description;
  // summary.status; "" leaves it out (the model does not require it).
  const char* status;
  std::vector<const char*> forward_codes;
  // Newest first.
  std::vector<Event> events;
};

const std::vector<Event> kTrail = {
    {"Departed", 20, false, "Kent"},
    {"ArrivedAtCarrierFacility", 28, false, "Kent"},
    {"PickupDone", 40, false, "Seattle"},
    {"ReadyForReceive", 48, false, "Seattle"},
};

std::vector<Event> WithTrail(std::vector<Event> latest) {
  return Concatenated(std::move(latest), kTrail);
}

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {"TBA990000000001",
       "delivered",
       "Delivered to the porch, signed",
       "Delivered",
       {"DeliveredToPorch", "Signed"},
       WithTrail({{"Delivered", 2, false, "Portland"}, {"OutForDelivery", 7, false, "Portland"}})},
      {"TBA990000000002",
       "in_transit",
       "In transit",
       "InTransit",
       {},
       WithTrail({{"ArrivedAtCarrierFacility", 6, false, "Portland"}})},
      {"TBA990000000003",
       "out_for_delivery",
       "Out for delivery",
       "OutForDelivery",
       {},
       WithTrail({{"OutForDelivery", 3, false, "Portland"}})},
      {"TBA990000000004",
       "exception",
       "Delivery attempted: business closed",
       "DeliveryAttempted",
       {"BusinessClosed"},
       WithTrail({{"DeliveryAttempted", 4, false, "Portland"},
                  {"OutForDelivery", 9, false, "Portland"}})},
      // The model has no delayed status; the nearest is the event
      // RecipientRequestedAlternateDeliveryTiming ("Recipient has requested
      // an update to their delivery date"): still in transit, rescheduled by
      // the buyer. With summary.status left out, the newest event gives the
      // shipment's state.
      {"TBA990000000007",
       "delayed",
       "Delivery date moved at the recipient's request; the summary has no status",
       "",
       {},
       WithTrail({{"RecipientRequestedAlternateDeliveryTiming", 5, false, "Portland"}})},
      {"TBA990000000005",
       "returned",
       "Rejected by the recipient and returned to the seller",
       "Delivered",
       {"Rejected"},
       WithTrail({{"Delivered", 1, true, "Seattle"},
                  {"ReturnInitiated", 10, true, "Portland"},
                  {"Rejected", 12, false, "Portland"}})},
      // Refused at the door: on its way back to the seller, not lost.
      {"TBA990000000008",
       "rejected",
       "Rejected by the recipient, returning to the seller",
       "Rejected",
       {"Rejected"},
       WithTrail({{"Rejected", 3, false, "Portland"}, {"OutForDelivery", 8, false, "Portland"}})},
      // Undeliverable: "undeliverable and is returning to the seller",
      // because the address was not found.
      {"TBA990000000009",
       "undeliverable",
       "Undeliverable (address not found), returning to the seller",
       "Undeliverable",
       {"AddressNotFound"},
       WithTrail(
           {{"Undeliverable", 3, false, "Portland"}, {"OutForDelivery", 8, false, "Portland"}})},
  };
  return *definitions;
}

constexpr absl::string_view kNotFoundNumber = "TBA990000000006";

json::object Errors(absl::string_view code, absl::string_view message) {
  return json::object{{"errors", json::array{json::object{{"code", std::string(code)},
                                                          {"message", std::string(message)}}}}};
}

json::object Body(const Definition& definition, absl::Time now) {
  json::array history;
  for (const Event& event : definition.events) {
    history.push_back(json::object{
        {"eventCode", event.code},
        {"location",
         json::object{{"city", event.city},
                      {"stateOrRegion", std::string(event.city) == "Portland" ? "OR" : "WA"},
                      {"countryCode", "US"}}},
        {"eventTime", absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", HoursAgo(now, event.hours_ago),
                                       absl::UTCTimeZone())},
        {"shipmentType", event.returns_leg ? "RETURNS" : "FORWARD"}});
  }
  json::array forward;
  for (const char* code : definition.forward_codes) forward.push_back(json::value(code));
  json::object summary{{"trackingDetailCodes",
                        json::object{{"forward", std::move(forward)}, {"returns", json::array{}}}}};
  if (*definition.status != '\0') summary["status"] = definition.status;
  if (std::string(definition.status) == "Delivered" && !definition.events.front().returns_leg) {
    summary["proofOfDelivery"] =
        json::object{{"receivedBy", "A. NGUYEN"}, {"deliveryImageURL", nullptr}};
  }
  return json::object{
      {"payload", json::object{{"trackingId", definition.number},
                               {"alternateLegTrackingId", nullptr},
                               {"eventHistory", std::move(history)},
                               {"promisedDeliveryDate",
                                absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", HoursAgo(now, -20),
                                                 absl::UTCTimeZone())},
                               {"summary", std::move(summary)}}}};
}

std::atomic<int64_t> tokens_issued{0};

Reply Token(const http::HttpRequest& request) {
  if (!IsSandboxTokenRequest(request, "refresh_token") ||
      FormField(request.body, "refresh_token") != kSandboxRefreshToken) {
    return JsonResponse(
        400, json::object{{"error", "invalid_grant"},
                          {"error_description", "The request has an invalid grant parameter"}});
  }
  return JsonResponse(200,
                      json::object{{"access_token", absl::StrCat(kTokenPrefix, ++tokens_issued)},
                                   {"refresh_token", std::string(kSandboxRefreshToken)},
                                   {"token_type", "bearer"},
                                   {"expires_in", 3600}});
}

Reply Track(const http::HttpRequest& request, absl::Time now) {
  if (!absl::StartsWith(request.Header("x-amz-access-token"), kTokenPrefix)) {
    return JsonResponse(403, Errors("Unauthorized",
                                    "You don't have access to the requested response or the "
                                    "credentials are invalid."));
  }
  const std::string number = QueryParam(request.target, "trackingId");
  if (QueryParam(request.target, "carrierId").empty()) {
    return JsonResponse(400,
                        Errors("InvalidRequest", "Request is missing or has invalid parameters"));
  }
  if (const Definition* found = FindByNumber(Definitions(), number)) {
    return JsonResponse(200, Body(*found, now));
  }
  return JsonResponse(404,
                      Errors("NotFound", "The requested resource is invalid or doesn't exist"));
}

}  // namespace

std::vector<Scenario> AmazonShippingScenarioList() {
  std::vector<Scenario> list = ScenarioList("amazon_shipping", Definitions());
  list.push_back({"amazon_shipping", std::string(kNotFoundNumber), "not_found",
                  "Amazon Shipping has no record: 404 NotFound"});
  return list;
}

std::optional<Reply> HandleAmazonShipping(const http::HttpRequest& request, absl::Time now,
                                          const RouteCounter& count) {
  const absl::string_view path = TargetPath(request.target);
  if (path == "/auth/o2/token") {
    count("amazon_shipping.token");
    return Token(request);
  }
  if (path == "/shipping/v2/tracking") {
    count("amazon_shipping.track");
    return Track(request, now);
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
