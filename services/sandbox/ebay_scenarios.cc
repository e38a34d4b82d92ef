#include "services/sandbox/ebay_scenarios.h"

#include <atomic>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

constexpr absl::string_view kTokenPrefix = "v^1.1#i^1#sandbox-ebay-";
constexpr absl::string_view kOrderPrefix = "/sell/fulfillment/v1/order/";
constexpr absl::string_view kFulfillmentsSuffix = "/shipping_fulfillment";

std::atomic<int> tokens_issued{0};

struct FulfillmentDefinition {
  const char* fulfillment_id;
  // eBay's ShippingCarrierCodeType value, as the seller entered it.
  const char* carrier_code;
  // The sandbox carrier and scenario whose number the package carries, or a
  // literal number (for carriers the sandbox does not serve).
  const char* sandbox_carrier;
  const char* scenario;
  const char* literal_number;
  double shipped_hours_ago;
};

struct OrderDefinition {
  const char* order_id;
  const char* name;
  const char* description;
  const char* marketplace_id;
  const char* fulfillment_status;  // NOT_STARTED, IN_PROGRESS, FULFILLED
  // Ship-by and the latest estimated delivery, hours from now.
  double ship_by_hours;
  double deliver_by_hours;
  std::vector<FulfillmentDefinition> fulfillments;
  // Non-zero: every call for the order answers this error.
  int error_status = 0;
  int error_id = 0;
};

const std::vector<OrderDefinition>& Orders() {
  static const auto* const orders = new std::vector<OrderDefinition>{
      {"12-34567-89012",
       "shipped_usps",
       "Shipped with USPS, in transit (fixed: clients can rely on it)",
       "EBAY_US",
       "FULFILLED",
       -20,
       60,
       {{"9400111899223790000021", "USPS", "usps", "in_transit", "", 18}}},
      {"21-55501-00001",
       "two_carriers",
       "Shipped in two fulfillments: UPS in transit, FedEx delivered",
       "EBAY_US",
       "FULFILLED",
       -40,
       30,
       {{"1ZSBX0010300000029", "UPS", "ups", "in_transit", "", 36},
        {"777100000014", "FedEx", "fedex", "delivered", "", 38}}},
      {"21-55501-00002",
       "unfulfilled",
       "Paid, not shipped yet: no fulfillment, ship-by tomorrow",
       "EBAY_US",
       "NOT_STARTED",
       24,
       96,
       {}},
      {"21-55501-00003",
       "unsupported_carrier",
       "Shipped on eBay.co.uk with Yodel, a carrier the service has no API or link for; eBay's "
       "API says shipped only (it carries no delivery status), so the channel's view is kept",
       "EBAY_GB",
       "FULFILLED",
       -100,
       -20,
       {{"YD44712209C", "Yodel", "", "", "YD44712209C", 98}}},
      {"21-55501-00401",
       "error_401",
       "eBay refuses every access token: 401 (errorId 1001)",
       "EBAY_US",
       "FULFILLED",
       0,
       0,
       {},
       401,
       1001},
      {"21-55501-00400",
       "error_400",
       "eBay says the order ID is invalid: 400 (errorId 32100)",
       "EBAY_US",
       "FULFILLED",
       0,
       0,
       {},
       400,
       32100},
      {"21-55501-00500",
       "error_500",
       "eBay fails: 500 (errorId 30500, system error)",
       "EBAY_US",
       "FULFILLED",
       0,
       0,
       {},
       500,
       30500},
  };
  return *orders;
}

constexpr absl::string_view kUnknownOrderId = "21-55501-00404";

const OrderDefinition* FindOrder(absl::string_view order_id) {
  for (const OrderDefinition& order : Orders()) {
    if (order_id == order.order_id) return &order;
  }
  return nullptr;
}

std::string At(absl::Time now, double hours_from_now) {
  return Rfc3339At(HoursAgo(now, -hours_from_now), 0);
}

// eBay's REST error body (developer.ebay.com/develop/api/sell/error_codes).
Reply Error(int status, int error_id, absl::string_view domain, absl::string_view message) {
  json::object error{{"domain", std::string(domain)},
                     {"category", status >= 500 ? "APPLICATION" : "REQUEST"},
                     {"message", std::string(message)}};
  if (error_id != 0) error["errorId"] = error_id;
  return JsonResponse(status, json::object{{"errors", json::array{std::move(error)}}});
}

std::string Number(const FulfillmentDefinition& fulfillment) {
  if (fulfillment.literal_number[0] != '\0') return fulfillment.literal_number;
  return SandboxUpstream::ScenarioNumber(fulfillment.sandbox_carrier, fulfillment.scenario);
}

// The order as eBay returns it, buyer and ship-to included (the service
// must drop them).
json::object OrderBody(const OrderDefinition& order, absl::Time now) {
  json::array hrefs;
  for (const FulfillmentDefinition& fulfillment : order.fulfillments) {
    hrefs.push_back(
        json::string(absl::StrCat("https://api.ebay.com", kOrderPrefix, order.order_id,
                                  kFulfillmentsSuffix, "/", fulfillment.fulfillment_id)));
  }
  const std::string status = order.fulfillment_status;
  json::object ship_to{{"fullName", "Ada Sandbox-Buyer"},
                       {"contactAddress", json::object{{"addressLine1", "221 Sandbox Street"},
                                                       {"city", "San Jose"},
                                                       {"stateOrProvince", "CA"},
                                                       {"postalCode", "95125"},
                                                       {"countryCode", "US"}}},
                       {"primaryPhone", json::object{{"phoneNumber", "4085551432"}}},
                       {"email", "ada.buyer@example.com"}};
  json::object line_item{
      {"lineItemId", "10000000000001"},
      {"legacyItemId", "110000000001"},
      {"title", "Sandbox item"},
      {"quantity", 1},
      {"purchaseMarketplaceId", order.marketplace_id},
      {"listingMarketplaceId", order.marketplace_id},
      {"lineItemFulfillmentStatus", status},
      {"lineItemCost", json::object{{"value", "24.99"}, {"currency", "USD"}}},
      {"lineItemFulfillmentInstructions",
       json::object{{"minEstimatedDeliveryDate", At(now, order.deliver_by_hours - 72)},
                    {"maxEstimatedDeliveryDate", At(now, order.deliver_by_hours)},
                    {"shipByDate", At(now, order.ship_by_hours)},
                    {"guaranteedDelivery", false}}}};
  return json::object{
      {"orderId", order.order_id},
      {"creationDate", At(now, order.ship_by_hours - 48)},
      {"lastModifiedDate", At(now, -1)},
      {"orderFulfillmentStatus", status},
      {"orderPaymentStatus", "PAID"},
      {"sellerId", "sandbox_seller"},
      {"buyer",
       json::object{{"username", "sandbox_buyer_ada"},
                    {"buyerRegistrationAddress",
                     json::object{{"fullName", "Ada Sandbox-Buyer"},
                                  {"email", "ada.buyer@example.com"},
                                  {"primaryPhone", json::object{{"phoneNumber", "4085551432"}}}}}}},
      {"pricingSummary",
       json::object{{"total", json::object{{"value", "24.99"}, {"currency", "USD"}}}}},
      {"cancelStatus",
       json::object{{"cancelState", "NONE_REQUESTED"}, {"cancelRequests", json::array{}}}},
      {"fulfillmentHrefs", std::move(hrefs)},
      {"fulfillmentStartInstructions",
       json::array{
           json::object{{"fulfillmentInstructionsType", "SHIP_TO"},
                        {"minEstimatedDeliveryDate", At(now, order.deliver_by_hours - 72)},
                        {"maxEstimatedDeliveryDate", At(now, order.deliver_by_hours)},
                        {"ebaySupportedFulfillment", false},
                        {"shippingStep", json::object{{"shipTo", std::move(ship_to)},
                                                      {"shippingServiceCode", "USPSPriority"}}}}}},
      {"lineItems", json::array{std::move(line_item)}}};
}

json::object FulfillmentsBody(const OrderDefinition& order, absl::Time now) {
  json::array fulfillments;
  for (const FulfillmentDefinition& fulfillment : order.fulfillments) {
    fulfillments.push_back(json::object{
        {"fulfillmentId", fulfillment.fulfillment_id},
        {"shipmentTrackingNumber", Number(fulfillment)},
        {"shippingCarrierCode", fulfillment.carrier_code},
        {"shippedDate", At(now, -fulfillment.shipped_hours_ago)},
        {"lineItems",
         json::array{json::object{{"lineItemId", "10000000000001"}, {"quantity", 1}}}}});
  }
  const auto total = static_cast<int64_t>(fulfillments.size());
  return json::object{{"fulfillments", std::move(fulfillments)}, {"total", total}};
}

Reply Token(const http::HttpRequest& request, const RouteCounter& count) {
  count("ebay.token");
  const std::string expected = absl::StrCat(
      "Basic ", absl::Base64Escape(absl::StrCat(kSandboxClientId, ":", kSandboxClientSecret)));
  if (request.method != "POST" || request.Header("Authorization") != expected) {
    return JsonResponse(401, json::object{{"error", "invalid_client"},
                                          {"error_description", "client authentication failed"}});
  }
  if (FormField(request.body, "grant_type") != "refresh_token" ||
      FormField(request.body, "refresh_token") != kSandboxEbayRefreshToken ||
      !absl::StrContains(FormField(request.body, "scope"), "sell.fulfillment")) {
    return JsonResponse(400, json::object{{"error", "invalid_grant"},
                                          {"error_description",
                                           "the provided authorization refresh token is invalid "
                                           "or was issued to another client"}});
  }
  return JsonResponse(
      200, json::object{{"access_token", absl::StrCat(kTokenPrefix, "token-", ++tokens_issued)},
                        {"expires_in", 7200},
                        {"token_type", "User Access Token"}});
}

bool Authorized(const http::HttpRequest& request) {
  absl::string_view token = request.Header("Authorization");
  return absl::ConsumePrefix(&token, "Bearer ") && absl::StartsWith(token, kTokenPrefix);
}

}  // namespace

std::vector<Scenario> EbayScenarioList() {
  std::vector<Scenario> list;
  for (const OrderDefinition& order : Orders()) {
    list.push_back({"ebay", order.order_id, order.name, order.description});
  }
  list.push_back({"ebay", std::string(kUnknownOrderId), "not_found",
                  "eBay has no such order: 404 (any unknown order ID)"});
  return list;
}

std::optional<Reply> HandleEbay(const http::HttpRequest& request, absl::Time now,
                                const RouteCounter& count) {
  absl::string_view path = TargetPath(request.target);
  if (path == "/identity/v1/oauth2/token") return Token(request, count);
  if (!absl::ConsumePrefix(&path, kOrderPrefix)) return std::nullopt;
  const bool fulfillments = absl::ConsumeSuffix(&path, kFulfillmentsSuffix);
  count(fulfillments ? "ebay.fulfillments" : "ebay.order");
  if (!fulfillments && !QueryParam(request.target, "fieldGroups").empty()) count("ebay.pii");
  if (!Authorized(request)) {
    return Error(401, 1001, "OAuth", "Invalid access token");
  }
  const OrderDefinition* order = FindOrder(path);
  if (order == nullptr) return Error(404, 0, "API_FULFILLMENT", "Order not found");
  if (order->error_status != 0) {
    const char* message = order->error_status == 401   ? "Invalid access token"
                          : order->error_status == 400 ? "Invalid order ID"
                                                       : "System error";
    return Error(order->error_status, order->error_id,
                 order->error_status == 401 ? "OAuth" : "API_FULFILLMENT", message);
  }
  return JsonResponse(200, fulfillments ? FulfillmentsBody(*order, now) : OrderBody(*order, now));
}

}  // namespace trackenrich::sandbox
