#include "services/sandbox/shopify_scenarios.h"

#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

constexpr int64_t kIdBase = 5'000'000'000'000;
constexpr double kBucketSize = 2000;
constexpr double kRestoreRate = 100;
// What the adapter's query costs here (objects 1 point, connections by
// their size), reported on every answer.
constexpr double kQueryCost = 24;

struct Package {
  const char* company;
  // The sandbox scenario whose number the package carries ("ups",
  // "in_transit"), or a literal number when `scenario` is null.
  const char* carrier;
  const char* scenario;
  const char* number;
  const char* display_status;
  double shipped_hours_ago;
};

struct Definition {
  int number;
  const char* name;
  const char* description;
  const char* display_fulfillment_status;
  double created_hours_ago;
  std::vector<Package> packages;
  // Fulfilled by this fulfillment service ("" for the merchant).
  const char* service = "";
};

const std::vector<Definition>& Definitions() {
  static const auto* const definitions = new std::vector<Definition>{
      {1001,
       "two_carriers",
       "Two fulfillments, UPS and FedEx, both in transit (fixed)",
       "FULFILLED",
       50,
       {{"UPS", "ups", "in_transit", "", "IN_TRANSIT", 30},
        {"FedEx", "fedex", "in_transit", "", "IN_TRANSIT", 26}}},
      {1002,
       "ups_in_transit",
       "One fulfillment by UPS, in transit",
       "FULFILLED",
       40,
       {{"UPS", "ups", "in_transit", "", "IN_TRANSIT", 20}}},
      {1003, "unfulfilled", "Paid, not fulfilled yet", "UNFULFILLED", 20, {}},
      {1004,
       "delivered_unsupported_carrier",
       "Delivered per Shopify, with a carrier the service does not track (Sendle)",
       "FULFILLED",
       120,
       {{"Sendle", "", nullptr, "SNDL0000001004", "DELIVERED", 100}}},
      {1005,
       "throttled",
       "Every answer is THROTTLED (the shop's bucket is empty)",
       "FULFILLED",
       30,
       {}},
      {1006, "unauthorized", "401: the access token was revoked", "FULFILLED", 30, {}},
      {1007,
       "mcf",
       "Fulfilled through Amazon Multi-Channel Fulfillment, in transit",
       "FULFILLED",
       60,
       {{"Amazon Logistics US", "amazon_shipping", "in_transit", "", "IN_TRANSIT", 36}},
       "amazon-marketplace-web"},
      {1000,
       "older_than_60_days",
       "Placed 75 days ago: hidden from an app without read_all_orders",
       "FULFILLED",
       75 * 24,
       {}},
  };
  return *definitions;
}

const Definition* FindOrder(int number) {
  for (const Definition& definition : Definitions()) {
    if (definition.number == number) return &definition;
  }
  return nullptr;
}

json::object Cost(double available, bool throttled, double query_cost = kQueryCost) {
  return json::object{
      {"cost", json::object{{"requestedQueryCost", query_cost},
                            {"actualQueryCost",
                             throttled ? json::value(nullptr)
                                       : json::value(query_cost > 6 ? query_cost - 6 : query_cost)},
                            {"throttleStatus", json::object{{"maximumAvailable", kBucketSize},
                                                            {"currentlyAvailable", available},
                                                            {"restoreRate", kRestoreRate}}}}}};
}

std::string Time(absl::Time now, double hours_ago) {
  return Rfc3339At(HoursAgo(now, hours_ago), 0);
}

json::object Fulfillment(const Definition& order, const Package& package, int index,
                         absl::Time now) {
  const std::string number = package.scenario != nullptr ? SandboxUpstream::ScenarioNumber(
                                                               package.carrier, package.scenario)
                                                         : std::string(package.number);
  const bool delivered = absl::string_view(package.display_status) == "DELIVERED";
  json::array events;
  if (delivered) {
    events.push_back(json::object{{"status", "DELIVERED"},
                                  {"happenedAt", Time(now, package.shipped_hours_ago - 60)},
                                  {"message", "Delivered"}});
  }
  events.push_back(json::object{{"status", "IN_TRANSIT"},
                                {"happenedAt", Time(now, package.shipped_hours_ago - 4)},
                                {"message", "In transit"}});
  events.push_back(json::object{{"status", "CONFIRMED"},
                                {"happenedAt", Time(now, package.shipped_hours_ago)},
                                {"message", nullptr}});
  json::object fulfillment{
      {"id", absl::StrCat("gid://shopify/Fulfillment/", kIdBase + order.number * 10 + index)},
      {"status", "SUCCESS"},
      {"displayStatus", package.display_status},
      {"createdAt", Time(now, package.shipped_hours_ago)},
      {"inTransitAt", Time(now, package.shipped_hours_ago - 4)},
      {"deliveredAt",
       delivered ? json::value(Time(now, package.shipped_hours_ago - 60)) : json::value(nullptr)},
      {"estimatedDeliveryAt", delivered ? json::value(nullptr) : json::value(Time(now, -48))},
      {"service", absl::string_view(order.service).empty()
                      ? json::value(json::object{{"handle", "manual"}, {"serviceName", "Manual"}})
                      : json::value(json::object{{"handle", order.service},
                                                 {"serviceName", "Amazon Marketplace Web"}})},
      {"trackingInfo",
       json::array{json::object{{"company", package.company},
                                {"number", number},
                                {"url", absl::StrCat("https://tracking.example/", number)}}}},
      {"events", json::object{{"nodes", std::move(events)}}}};
  return fulfillment;
}

json::object Order(const Definition& order, absl::Time now) {
  json::array fulfillments;
  for (size_t i = 0; i < order.packages.size(); ++i) {
    fulfillments.push_back(Fulfillment(order, order.packages[i], static_cast<int>(i), now));
  }
  return json::object{{"id", absl::StrCat("gid://shopify/Order/", kIdBase + order.number)},
                      {"name", absl::StrCat("#", order.number)},
                      {"createdAt", Time(now, order.created_hours_ago)},
                      {"cancelledAt", nullptr},
                      {"displayFulfillmentStatus", order.display_fulfillment_status},
                      {"fulfillments", std::move(fulfillments)}};
}

// The order number a request asks for: from the name in the search query,
// or from the gid; 0 when neither parses.
int AskedNumber(const json::object& variables, bool* by_id) {
  *by_id = false;
  if (const json::value* id = variables.if_contains("id"); id != nullptr && id->is_string()) {
    *by_id = true;
    absl::string_view gid(id->as_string().data(), id->as_string().size());
    int64_t value = 0;
    if (!absl::ConsumePrefix(&gid, "gid://shopify/Order/") || !absl::SimpleAtoi(gid, &value)) {
      return 0;
    }
    return value > kIdBase && value < kIdBase + 1'000'000 ? static_cast<int>(value - kIdBase) : 0;
  }
  const json::value* query = variables.if_contains("query");
  if (query == nullptr || !query->is_string()) return 0;
  absl::string_view text(query->as_string().data(), query->as_string().size());
  if (!absl::ConsumePrefix(&text, "name:")) return 0;
  text = absl::StripPrefix(absl::StripSuffix(text, "\""), "\"");
  text = absl::StripPrefix(text, "#");
  int number = 0;
  return absl::SimpleAtoi(text, &number) ? number : 0;
}

bool AsksForPii(absl::string_view query) {
  for (absl::string_view field :
       {"customer", "email", "phone", "Address", "address", "billing", "shipping"}) {
    if (absl::StrContains(query, field)) return true;
  }
  return false;
}

}  // namespace

std::vector<Scenario> ShopifyScenarioList() {
  std::vector<Scenario> list;
  for (const Definition& definition : Definitions()) {
    list.push_back({"shopify", absl::StrCat("#", definition.number), definition.name,
                    definition.description, std::string(kSandboxShopifyShop)});
  }
  return list;
}

std::optional<Reply> HandleShopify(const http::HttpRequest& request, absl::Time now,
                                   const RouteCounter& count) {
  const absl::string_view path = TargetPath(request.target);
  if (!absl::StartsWith(path, "/shopify/") || !absl::EndsWith(path, "/graphql.json")) {
    return std::nullopt;
  }
  count("shopify.graphql");
  if (request.Header("X-Shopify-Access-Token") != kSandboxShopifyAccessToken) {
    return JsonResponse(401, json::object{{"errors",
                                           "[API] Invalid API key or access token "
                                           "(unrecognized login or wrong password)"}});
  }
  boost::system::error_code error;
  const json::value body = json::parse(request.body, error);
  if (request.method != "POST" || error || !body.is_object() ||
      !body.as_object().contains("query")) {
    return JsonResponse(400, json::object{{"errors", json::object{{"query",
                                                                   "Required parameter "
                                                                   "missing or invalid"}}}});
  }
  const json::value& query = body.as_object().at("query");
  const absl::string_view query_text =
      query.is_string() ? absl::string_view(query.as_string().data(), query.as_string().size())
                        : absl::string_view();
  if (AsksForPii(query_text)) count("shopify.pii");
  // "/shopify/<shop>/admin/...": the shop decides which scopes were granted.
  absl::string_view rest = path;
  absl::ConsumePrefix(&rest, "/shopify/");
  const absl::string_view shop = rest.substr(0, rest.find('/'));
  const bool all_orders = shop == kSandboxShopifyAllOrdersShop;
  if (absl::StrContains(query_text, "currentAppInstallation")) {
    count("shopify.scopes");
    json::array scopes{json::object{{"handle", "read_orders"}}};
    if (all_orders) scopes.push_back(json::object{{"handle", "read_all_orders"}});
    // Objects cost 1 point each: two here; the shop's order queries keep
    // their own cost.
    return JsonResponse(
        200,
        json::object{{"data", json::object{{"currentAppInstallation",
                                            json::object{{"accessScopes", std::move(scopes)}}}}},
                     {"extensions", Cost(kBucketSize - 2, false, 2)}});
  }
  static const json::object kNoVariables;
  const json::value* variables = body.as_object().if_contains("variables");
  bool by_id = false;
  const int number = AskedNumber(
      variables != nullptr && variables->is_object() ? variables->as_object() : kNoVariables,
      &by_id);
  const Definition* order = FindOrder(number);
  const std::string name = order != nullptr ? order->name : "";
  if (name == "unauthorized") {
    return JsonResponse(401, json::object{{"errors",
                                           "[API] Invalid API key or access token "
                                           "(unrecognized login or wrong password)"}});
  }
  if (name == "throttled") {
    return JsonResponse(
        200,
        json::object{
            {"errors",
             json::array{json::object{
                 {"message", "Throttled"},
                 {"extensions",
                  json::object{{"code", "THROTTLED"},
                               {"documentation", "https://shopify.dev/api/usage/rate-limits"}}}}}},
            {"extensions", Cost(4, true)}});
  }
  json::value found = nullptr;
  if (order != nullptr && (name != "older_than_60_days" || all_orders)) found = Order(*order, now);
  json::object data{{"shop", json::object{{"name", "Trackenrich Sandbox Shop"}}}};
  if (by_id) {
    data["order"] = std::move(found);
  } else {
    json::array nodes;
    if (!found.is_null()) nodes.push_back(std::move(found));
    data["orders"] = json::object{{"nodes", std::move(nodes)}};
  }
  return JsonResponse(
      200, json::object{{"data", std::move(data)}, {"extensions", Cost(kBucketSize - 24, false)}});
}

}  // namespace trackenrich::sandbox
