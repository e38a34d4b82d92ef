#include "services/sandbox/sp_api_scenarios.h"

#include <atomic>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

constexpr absl::string_view kTokenPrefix = "Atza|sandbox-sp-api-";
constexpr absl::string_view kV0TokenPrefix = "Atza|sandbox-sp-api-v0-";
constexpr absl::string_view kUnknownOrderId = "113-5550404-0000000";

std::atomic<int> tokens_issued{0};
std::atomic<int> requests_served{0};

struct PackageDefinition {
  const char* reference;
  // Amazon's carrier name, as confirmShipment recorded it.
  const char* carrier;
  // The sandbox carrier and scenario whose number the package carries, or a
  // literal number (for carriers the sandbox does not serve).
  const char* sandbox_carrier;
  const char* scenario;
  const char* literal_number;
  const char* status;
  const char* detailed_status;
};

struct OrderDefinition {
  const char* order_id;
  const char* name;
  const char* description;
  const char* marketplace_id;
  // Orders 2026-01-01 values; v0 values are derived.
  const char* fulfilled_by;
  const char* fulfillment_status;
  // Latest ship-by and deliver-by, hours from now (negative: past).
  double ship_by_hours;
  double deliver_by_hours;
  std::vector<PackageDefinition> packages;
  // Non-zero: the order answers this error instead.
  int error_status = 0;
  const char* error_code = "";
};

const std::vector<OrderDefinition>& Orders() {
  static const auto* const orders = new std::vector<OrderDefinition>{
      {"113-5550001-0000001",
       "fbm_two_carriers",
       "Merchant-fulfilled, shipped in two packages: UPS and FedEx, both in transit",
       "ATVPDKIKX0DER",
       "MERCHANT",
       "SHIPPED",
       -30,
       48,
       {{"PKG-1", "UPS", "ups", "in_transit", "", "IN_TRANSIT", "AT_ORIGIN_FC"},
        {"PKG-2", "FedEx", "fedex", "in_transit", "", "IN_TRANSIT", "PICKED_UP"}}},
      {"113-5550002-0000002",
       "fbm_unshipped_late",
       "Merchant-fulfilled, not shipped, ship-by date two days past",
       "ATVPDKIKX0DER",
       "MERCHANT",
       "UNSHIPPED",
       -50,
       24,
       {}},
      {"113-5550003-0000003",
       "fba",
       "Fulfilled by Amazon (marketplace order), shipped",
       "ATVPDKIKX0DER",
       "AMAZON",
       "SHIPPED",
       -20,
       30,
       {}},
      {"202-5550004-0000004",
       "fbm_carrier_without_api",
       "Merchant-fulfilled on Amazon.co.uk, Royal Mail package Amazon reports out for delivery",
       "A1F83G8C2ARO7P",
       "MERCHANT",
       "SHIPPED",
       -26,
       20,
       {{"UK-PKG-1", "Royal Mail", "", "", "RR123456785GB", "IN_TRANSIT", "OUT_FOR_DELIVERY"}}},
      {"403-5550005-0000005",
       "fbm_delivered_italy",
       "Merchant-fulfilled on Amazon.it, DHL package delivered",
       "APJ6JRA9NG5V4",
       "MERCHANT",
       "SHIPPED",
       -72,
       -12,
       {{"IT-PKG-1", "DHL", "dhl", "delivered", "", "DELIVERED", "DELIVERED"}}},
      {"113-5550400-0000000",
       "error_400",
       "Amazon rejects the request: 400 InvalidInput",
       "ATVPDKIKX0DER",
       "MERCHANT",
       "SHIPPED",
       0,
       0,
       {},
       400,
       "InvalidInput"},
      {"113-5550403-0000000",
       "error_403",
       "Amazon refuses the seller's authorization: 403",
       "ATVPDKIKX0DER",
       "MERCHANT",
       "SHIPPED",
       0,
       0,
       {},
       403,
       "Unauthorized"},
      {"113-5550429-0000000",
       "error_429",
       "Amazon's usage plan is exhausted: 429 on every call",
       "ATVPDKIKX0DER",
       "MERCHANT",
       "SHIPPED",
       0,
       0,
       {},
       429,
       "QuotaExceeded"},
      {"113-5550500-0000000",
       "error_500",
       "Amazon fails: 500 InternalFailure",
       "ATVPDKIKX0DER",
       "MERCHANT",
       "SHIPPED",
       0,
       0,
       {},
       500,
       "InternalFailure"},
  };
  return *orders;
}

struct McfPackage {
  const char* package_number;
  const char* carrier_code;
  const char* sandbox_carrier;
  const char* scenario;
  const char* current_status;
  const char* current_description;
  // Newest first: {code, description, hours ago, city}.
  std::vector<std::tuple<const char*, const char*, double, const char*>> events;
  const char* signed_for_by;
  const char* location_info;
};

// A fulfillment order lives in one SP-API region: that region's endpoint
// knows it and its packages, the seller's other regions answer 404.
struct McfOrder {
  const char* order_id;
  const char* region;  // "na", "eu", "fe"
  const char* marketplace_id;
  const char* displayable_order_id;
  const char* fulfillment_center;
  // Where the events happen: {state or region, country}.
  const char* event_state;
  const char* event_country;
  std::vector<McfPackage> packages;
};

constexpr absl::string_view kMcfOrderId = "MCF-SANDBOX-1";
constexpr absl::string_view kMcfEuOrderId = "MCF-SANDBOX-EU";

const std::vector<McfOrder>& McfOrders() {
  static const auto* const orders = new std::vector<McfOrder>{
      {"MCF-SANDBOX-1",
       "na",
       "ATVPDKIKX0DER",
       "SHOP-1001",
       "RNO1",
       "MI",
       "US",
       {{"550001",
         "UPS",
         "ups",
         "delivered",
         "DELIVERED",
         "Delivered to the destination address",
         {{"EVENT_301", "Delivered.", 3, "Troy"},
          {"EVENT_302", "Out for delivery", 9, "Troy"},
          {"EVENT_201", "Arrival scan", 20, "Detroit"},
          {"EVENT_102", "Picked up", 40, "Phoenix"}},
         "FRONT DESK",
         "FRONT_DOOR"},
        {"550002",
         "UPS",
         "ups",
         "in_transit",
         "DELAYED",
         "Delayed: held in customs",
         {{"EVENT_402", "Customs delay", 6, "Louisville"},
          {"EVENT_204", "Customs clearance initiated", 12, "Louisville"},
          {"EVENT_102", "Picked up", 36, "Phoenix"}},
         "",
         ""}}},
      {"MCF-SANDBOX-EU",
       "eu",
       "A1PA6795UKMFR9",
       "SHOP-DE-2001",
       "LEJ1",
       "SN",
       "DE",
       {{"660001",
         "DHL",
         "dhl",
         "delivered",
         "DELIVERED",
         "Zugestellt an den Empfänger",
         {{"EVENT_301", "Zugestellt.", 4, "München"},
          {"EVENT_302", "In Zustellung", 10, "München"},
          {"EVENT_201", "Im Paketzentrum eingetroffen", 22, "Aschheim"},
          {"EVENT_102", "Abgeholt", 40, "Leipzig"}},
         "Müller",
         "FRONT_DOOR"}}},
  };
  return *orders;
}

// The order with `order_id`, if the endpoint of `region` knows it (any
// region: "").
const McfOrder* FindMcfOrder(absl::string_view order_id, absl::string_view region) {
  for (const McfOrder& order : McfOrders()) {
    if (order_id == order.order_id && (region.empty() || region == order.region)) return &order;
  }
  return nullptr;
}

std::string At(absl::Time now, double hours_from_now) {
  return Rfc3339At(HoursAgo(now, -hours_from_now), 0);
}

json::object Errors(absl::string_view code, absl::string_view message) {
  return json::object{{"errors", json::array{json::object{{"code", std::string(code)},
                                                          {"message", std::string(message)}}}}};
}

Reply WithHeaders(Reply reply, absl::string_view rate) {
  reply.response.headers.emplace_back("x-amzn-RateLimit-Limit", std::string(rate));
  reply.response.headers.emplace_back("x-amzn-RequestId",
                                      absl::StrCat("sandbox-request-", ++requests_served));
  return reply;
}

std::string PackageNumber(const PackageDefinition& package) {
  if (package.literal_number[0] != '\0') return package.literal_number;
  return SandboxUpstream::ScenarioNumber(package.sandbox_carrier, package.scenario);
}

json::object Window(absl::Time now, double latest_hours, double width_hours) {
  return json::object{{"earliestDateTime", At(now, latest_hours - width_hours)},
                      {"latestDateTime", At(now, latest_hours)}};
}

json::object Order2026(const OrderDefinition& order, absl::Time now) {
  json::object fulfillment{{"fulfillmentStatus", order.fulfillment_status},
                           {"fulfilledBy", order.fulfilled_by},
                           {"fulfillmentServiceLevel", "STANDARD"},
                           {"shipByWindow", Window(now, order.ship_by_hours, 24)},
                           {"deliverByWindow", Window(now, order.deliver_by_hours, 72)}};
  json::array packages;
  for (const PackageDefinition& package : order.packages) {
    packages.push_back(json::object{
        {"packageReferenceId", package.reference},
        {"createdTime", At(now, order.ship_by_hours - 2)},
        {"packageStatus",
         json::object{{"status", package.status}, {"detailedStatus", package.detailed_status}}},
        {"carrier", package.carrier},
        {"shipTime", At(now, order.ship_by_hours - 1)},
        {"shippingService", absl::StrCat(package.carrier, " Standard")},
        {"trackingNumber", PackageNumber(package)}});
  }
  json::object body{{"orderId", order.order_id},
                    {"createdTime", At(now, order.ship_by_hours - 30)},
                    {"lastUpdatedTime", At(now, order.ship_by_hours)},
                    {"programs", json::array{}},
                    {"salesChannel", json::object{{"channelName", "AMAZON"},
                                                  {"marketplaceId", order.marketplace_id}}},
                    {"fulfillment", std::move(fulfillment)}};
  if (!packages.empty()) body["packages"] = std::move(packages);
  return json::object{{"order", std::move(body)}};
}

json::object OrderV0(const OrderDefinition& order, absl::Time now) {
  const absl::string_view status = order.fulfillment_status;
  return json::object{
      {"payload", json::object{{"AmazonOrderId", order.order_id},
                               {"PurchaseDate", At(now, order.ship_by_hours - 30)},
                               {"LastUpdateDate", At(now, order.ship_by_hours)},
                               {"OrderStatus", status == "SHIPPED" ? "Shipped" : "Unshipped"},
                               {"FulfillmentChannel",
                                absl::string_view(order.fulfilled_by) == "AMAZON" ? "AFN" : "MFN"},
                               {"MarketplaceId", order.marketplace_id},
                               {"ShipServiceLevel", "Std Dom"},
                               {"EarliestShipDate", At(now, order.ship_by_hours - 24)},
                               {"LatestShipDate", At(now, order.ship_by_hours)},
                               {"EarliestDeliveryDate", At(now, order.deliver_by_hours - 72)},
                               {"LatestDeliveryDate", At(now, order.deliver_by_hours)},
                               {"IsPrime", false}}}};
}

// The 2026 route for `token`; v0-only sellers are refused.
bool Accepted(absl::string_view token, bool v0_route) {
  if (!absl::StartsWith(token, kTokenPrefix)) return false;
  return v0_route || !absl::StartsWith(token, kV0TokenPrefix);
}

Reply Unauthorized() {
  return JsonResponse(403, Errors("Unauthorized", "Access to requested resource is denied."));
}

Reply Token(const http::HttpRequest& request, const RouteCounter& count) {
  count("sp_api.lwa");
  const std::string refresh = FormField(request.body, "refresh_token");
  if (request.method != "POST" || FormField(request.body, "grant_type") != "refresh_token" ||
      FormField(request.body, "client_id") != kSandboxClientId ||
      FormField(request.body, "client_secret") != kSandboxClientSecret) {
    return JsonResponse(400, json::object{{"error", "invalid_client"},
                                          {"error_description", "Client authentication failed"}});
  }
  const bool v0 = refresh == kSandboxSpApiV0RefreshToken;
  return JsonResponse(
      200, json::object{{"access_token", absl::StrCat(v0 ? kV0TokenPrefix : kTokenPrefix, "token-",
                                                      ++tokens_issued)},
                        {"refresh_token", refresh},
                        {"token_type", "bearer"},
                        {"expires_in", 3600}});
}

Reply GetOrder(absl::string_view order_id, bool v0, absl::Time now) {
  for (const OrderDefinition& order : Orders()) {
    if (order_id != order.order_id) continue;
    if (order.error_status != 0) {
      return JsonResponse(order.error_status, Errors(order.error_code, "Sandbox scenario error"));
    }
    return JsonResponse(200, v0 ? OrderV0(order, now) : Order2026(order, now));
  }
  return JsonResponse(404, Errors("NotFound", "Order not found"));
}

Reply GetFulfillmentOrder(absl::string_view order_id, absl::string_view region, absl::Time now) {
  const McfOrder* mcf = FindMcfOrder(order_id, region);
  if (mcf == nullptr) {
    return JsonResponse(404, Errors("NotFound", "Fulfillment order not found"));
  }
  json::array packages;
  for (const McfPackage& package : mcf->packages) {
    int64_t number = 0;
    (void)absl::SimpleAtoi(package.package_number, &number);
    packages.push_back(
        json::object{{"packageNumber", number},
                     {"carrierCode", package.carrier_code},
                     {"trackingNumber",
                      SandboxUpstream::ScenarioNumber(package.sandbox_carrier, package.scenario)},
                     {"estimatedArrivalDate", At(now, 24)}});
  }
  json::object shipment{{"amazonShipmentId", "SandboxShip1"},
                        {"fulfillmentCenterId", mcf->fulfillment_center},
                        {"fulfillmentShipmentStatus", "SHIPPED"},
                        {"shippingDate", At(now, -40)},
                        {"estimatedArrivalDate", At(now, 24)},
                        {"fulfillmentShipmentPackage", std::move(packages)}};
  json::object order{{"sellerFulfillmentOrderId", mcf->order_id},
                     {"marketplaceId", mcf->marketplace_id},
                     {"displayableOrderId", mcf->displayable_order_id},
                     {"displayableOrderDate", At(now, -48)},
                     {"shippingSpeedCategory", "Standard"},
                     {"fulfillmentAction", "Ship"},
                     {"fulfillmentPolicy", "FillOrKill"},
                     {"receivedDate", At(now, -47)},
                     {"fulfillmentOrderStatus", "COMPLETE"},
                     {"statusUpdatedDate", At(now, -3)}};
  return JsonResponse(
      200, json::object{
               {"payload", json::object{{"fulfillmentOrder", std::move(order)},
                                        {"fulfillmentShipments", json::array{std::move(shipment)}},
                                        {"returnItems", json::array{}},
                                        {"returnAuthorizations", json::array{}}}}});
}

Reply GetPackageTracking(absl::string_view package_number, absl::string_view region,
                         absl::Time now) {
  for (const McfOrder& order : McfOrders()) {
    if (!region.empty() && region != order.region) continue;
    for (const McfPackage& package : order.packages) {
      if (package_number != package.package_number) continue;
      const std::string number =
          SandboxUpstream::ScenarioNumber(package.sandbox_carrier, package.scenario);
      json::array events;
      for (const auto& [code, description, hours_ago, city] : package.events) {
        events.push_back(json::object{
            {"eventDate", Rfc3339At(HoursAgo(now, hours_ago), 0)},
            {"eventAddress",
             json::object{
                 {"city", city}, {"state", order.event_state}, {"country", order.event_country}}},
            {"eventCode", code},
            {"eventDescription", description}});
      }
      int64_t numeric = 0;
      (void)absl::SimpleAtoi(package.package_number, &numeric);
      json::object payload{
          {"packageNumber", numeric},
          {"trackingNumber", number},
          {"customerTrackingLink", absl::StrCat("https://www.swiship.com/track?id=", number)},
          {"carrierCode", package.carrier_code},
          {"shipDate", Rfc3339At(HoursAgo(now, 40), 0)},
          {"estimatedArrivalDate", At(now, 24)},
          {"currentStatus", package.current_status},
          {"currentStatusDescription", package.current_description},
          {"trackingEvents", std::move(events)}};
      if (package.signed_for_by[0] != '\0') payload["signedForBy"] = package.signed_for_by;
      if (package.location_info[0] != '\0') {
        payload["additionalLocationInfo"] = package.location_info;
      }
      return JsonResponse(200, json::object{{"payload", std::move(payload)}});
    }
  }
  return JsonResponse(404, Errors("NotFound", "Package not found"));
}

}  // namespace

std::vector<Scenario> SpApiScenarioList() {
  std::vector<Scenario> list;
  for (const OrderDefinition& order : Orders()) {
    list.push_back({"sp_api", order.order_id, order.name, order.description});
  }
  list.push_back({"sp_api", std::string(kUnknownOrderId), "not_found",
                  "Amazon has no such order: 404 NotFound"});
  list.push_back({"amazon_mcf", std::string(kMcfOrderId), "mcf_delivered_and_delayed",
                  "Multi-Channel Fulfillment order: one package delivered (signed), one "
                  "delayed in customs"});
  list.push_back({"amazon_mcf", std::string(kMcfEuOrderId), "mcf_eu_delivered",
                  "Multi-Channel Fulfillment order in Europe (marketplace A1PA6795UKMFR9): one "
                  "package delivered and signed; only the EU endpoint knows it",
                  "A1PA6795UKMFR9"});
  return list;
}

std::optional<Reply> HandleSpApi(const http::HttpRequest& request, absl::Time now,
                                 const RouteCounter& count) {
  const absl::string_view path = TargetPath(request.target);
  if (path == "/auth/o2/token") {
    const std::string refresh = FormField(request.body, "refresh_token");
    if (refresh != kSandboxSpApiRefreshToken && refresh != kSandboxSpApiV0RefreshToken) {
      return std::nullopt;  // Amazon Shipping's sellers.
    }
    return Token(request, count);
  }
  const absl::string_view token = request.Header("x-amz-access-token");
  absl::string_view rest = path;
  // A regional endpoint ("/sp-api/eu/orders/..."): routes are counted in
  // total and per region ("sp_api.eu.orders"). Without the prefix, the
  // sandbox answers as every region at once.
  std::string region;
  if (absl::ConsumePrefix(&rest, "/sp-api/")) {
    const size_t slash = rest.find('/');
    region = std::string(rest.substr(0, slash));
    if (slash == absl::string_view::npos || (region != "na" && region != "eu" && region != "fe")) {
      return std::nullopt;
    }
    rest.remove_prefix(slash);
  }
  auto count_route = [&](absl::string_view route) {
    count(absl::StrCat("sp_api.", route));
    if (!region.empty()) count(absl::StrCat("sp_api.", region, ".", route));
  };
  if (absl::ConsumePrefix(&rest, "/orders/2026-01-01/orders/")) {
    count_route("orders");
    const std::string included = QueryParam(request.target, "includedData");
    if (absl::StrContains(included, "BUYER") || absl::StrContains(included, "RECIPIENT")) {
      count("sp_api.pii");
    }
    if (!Accepted(token, /*v0_route=*/false)) return WithHeaders(Unauthorized(), "0.5");
    return WithHeaders(GetOrder(rest, /*v0=*/false, now), "0.5");
  }
  if (absl::ConsumePrefix(&rest, "/orders/v0/orders/")) {
    if (absl::StrContains(rest, "/")) {
      // buyerInfo, address, orderItems/buyerInfo: personal data.
      count("sp_api.pii");
      return WithHeaders(JsonResponse(403, Errors("Unauthorized", "Restricted resource")), "0.5");
    }
    count_route("orders_v0");
    if (!Accepted(token, /*v0_route=*/true)) return WithHeaders(Unauthorized(), "0.5");
    return WithHeaders(GetOrder(rest, /*v0=*/true, now), "0.5");
  }
  if (absl::ConsumePrefix(&rest, "/fba/outbound/2020-07-01/fulfillmentOrders/")) {
    count_route("fulfillment_order");
    if (!Accepted(token, /*v0_route=*/true)) return WithHeaders(Unauthorized(), "2.0");
    return WithHeaders(GetFulfillmentOrder(rest, region, now), "2.0");
  }
  if (rest == "/fba/outbound/2020-07-01/tracking") {
    count_route("package_tracking");
    if (!Accepted(token, /*v0_route=*/true)) return WithHeaders(Unauthorized(), "2.0");
    return WithHeaders(GetPackageTracking(QueryParam(request.target, "packageNumber"), region, now),
                       "2.0");
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
