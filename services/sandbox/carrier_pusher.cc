#include "services/sandbox/carrier_pusher.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "boost/asio/connect.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "boost/json.hpp"

#include "adapters/dhl/sandbox/dhl_scenarios.h"
#include "adapters/fedex/sandbox/fedex_scenarios.h"
#include "services/integrations/common/signature.h"
#include "services/sandbox/scenario_util.h"
#include "services/sandbox/shopify_scenarios.h"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
namespace beast = boost::beast;
using Reply = server::HttpServer::Reply;
using Headers = std::vector<std::pair<std::string, std::string>>;

// What "bad" signs with: never any configured secret.
constexpr absl::string_view kWrongSecret = "sandbox-push-wrong-secret-0000000000";

Reply JsonAnswer(int status, json::object body) {
  Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = json::serialize(body);
  return reply;
}

Reply Refuse(absl::string_view field, absl::string_view problem) {
  return JsonAnswer(400, json::object{{"error", absl::StrCat(field, ": ", problem)}});
}

std::string Field(const json::object& fields, absl::string_view key) {
  const json::value* value = fields.if_contains(json::string_view(key.data(), key.size()));
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

// http://127.0.0.1:PORT/path (loopback only) split into host, port, target.
bool LoopbackTarget(absl::string_view url, std::string* host, std::string* port,
                    std::string* target) {
  if (!absl::ConsumePrefix(&url, "http://")) return false;
  const size_t slash = url.find('/');
  if (slash == absl::string_view::npos) return false;
  *target = std::string(url.substr(slash));
  absl::string_view authority = url.substr(0, slash);
  const size_t colon = authority.rfind(':');
  if (colon == absl::string_view::npos) return false;
  *host = std::string(authority.substr(0, colon));
  *port = std::string(authority.substr(colon + 1));
  int number = 0;
  if (!absl::SimpleAtoi(*port, &number) || number <= 0 || number > 65535) return false;
  if (*host == "[::1]") *host = "::1";
  return *host == "127.0.0.1" || *host == "localhost" || *host == "::1";
}

// One blocking POST; the status (-1: unreachable) and the answer's body.
std::pair<int, std::string> Post(const std::string& host, const std::string& port,
                                 const std::string& target, const Headers& headers,
                                 const std::string& body) {
  try {
    boost::asio::io_context io;
    boost::asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(resolver.resolve(host, port));
    beast::http::request<beast::http::string_body> request(beast::http::verb::post, target, 11);
    request.set(beast::http::field::host, host);
    request.set(beast::http::field::content_type, "application/json");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    beast::http::write(stream, request);
    beast::flat_buffer buffer;
    beast::http::response<beast::http::string_body> response;
    beast::http::read(stream, buffer, response);
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    return {static_cast<int>(response.result_int()), response.body()};
  } catch (const std::exception& error) {
    return {-1, error.what()};
  }
}

std::string Signed(absl::string_view sign, absl::string_view secret, absl::string_view body) {
  const absl::string_view key = sign == "bad" ? kWrongSecret : secret;
  return integrations::Base64Hmac(integrations::HmacAlgorithm::kSha256, key, body);
}

// A UPS Track Alert body (UPS-API/api-documentation UPSTrackAlert.yaml).
std::string UpsBody(absl::string_view number, absl::string_view stage, absl::Time now) {
  const char* type = stage == "delivered" ? "D" : stage == "exception" ? "X" : "I";
  const std::string date = absl::FormatTime("%Y%m%d", now, absl::UTCTimeZone());
  const std::string time = absl::FormatTime("%H%M%S", now, absl::UTCTimeZone());
  return json::serialize(
      json::object{{"trackingNumber", std::string(number)},
                   {"localActivityDate", date},
                   {"localActivityTime", time},
                   {"activityStatus", json::object{{"type", type},
                                                   {"code", stage == "exception" ? "UA" : "IT"},
                                                   {"description", std::string(stage)}}},
                   {"gmtActivityDate", date},
                   {"gmtActivityTime", time}});
}

}  // namespace

CarrierPusher::~CarrierPusher() {
  std::vector<std::thread> senders;
  {
    absl::MutexLock lock(&mu_);
    senders.swap(senders_);
  }
  for (std::thread& sender : senders) sender.join();
}

void CarrierPusher::SetSecrets(PushSecrets secrets) {
  absl::MutexLock lock(&mu_);
  secrets_ = std::move(secrets);
}

void CarrierPusher::Record(int64_t id, int status, std::string answer) {
  absl::MutexLock lock(&mu_);
  for (Sent& sent : sent_) {
    if (sent.id == id) {
      sent.status = status;
      sent.answer = std::move(answer);
    }
  }
}

Reply CarrierPusher::Push(const http::HttpRequest& request, absl::Time now) {
  boost::system::error_code error;
  const json::value parsed = json::parse(request.body, error);
  const json::object* fields = error ? nullptr : parsed.if_object();
  if (fields == nullptr) return Refuse("body", "not a JSON object");
  const std::string carrier = Field(*fields, "carrier");
  const std::string number = Field(*fields, "tracking_number");
  const std::string stage = Field(*fields, "stage");
  std::string sign = Field(*fields, "sign");
  if (sign.empty()) sign = "good";
  if (sign != "good" && sign != "bad" && sign != "none") {
    return Refuse("sign", "good, bad or none");
  }
  std::string host, port, target;
  if (!LoopbackTarget(Field(*fields, "target"), &host, &port, &target)) {
    return Refuse("target", "required, http://127.0.0.1:PORT/path (loopback only)");
  }
  PushSecrets secrets;
  {
    absl::MutexLock lock(&mu_);
    secrets = secrets_;
  }
  const std::string secret = Field(*fields, "secret");
  Headers headers;
  std::string body;
  if (carrier == "ups") {
    if (number.empty()) return Refuse("tracking_number", "required");
    if (!stage.empty()) {
      if (absl::Status moved = set_story_(number, stage); !moved.ok()) {
        return Refuse("stage", moved.message());
      }
    }
    body = UpsBody(number, stage, now);
    headers.emplace_back("User-Agent", "UPSPubSubTrackingService");
    const std::string credential = secret.empty() ? secrets.ups_credential : secret;
    if (sign != "none") {
      headers.emplace_back("credential", sign == "bad" ? std::string(kWrongSecret) : credential);
    }
  } else if (carrier == "fedex") {
    if (number.empty()) return Refuse("tracking_number", "required");
    std::optional<std::string> made = FedexPushBody(number, stage, now);
    if (!made.has_value()) return Refuse("stage", "not a FedEx sandbox scenario name");
    body = *std::move(made);
    if (sign != "none") {
      headers.emplace_back(
          "fdx-signature",
          Signed(sign, secret.empty() ? secrets.fedex_security_token : secret, body));
    }
  } else if (carrier == "dhl") {
    if (number.empty()) return Refuse("tracking_number", "required");
    std::optional<std::string> made = DhlPushBody(number, stage, now);
    if (!made.has_value()) return Refuse("stage", "not a DHL sandbox scenario name");
    body = *std::move(made);
    std::string header = Field(*fields, "header");
    if (header.empty()) header = secrets.dhl_header;
    if (header.empty()) return Refuse("header", "required (no push.dhl.header configured)");
    if (sign != "none") {
      headers.emplace_back(header, sign == "bad"    ? std::string(kWrongSecret)
                                   : secret.empty() ? secrets.dhl_token
                                                    : secret);
    }
  } else if (carrier == "shopify") {
    const std::string order = Field(*fields, "order");
    const json::value* order_id = fields->if_contains("order_id");
    if (order_id == nullptr || !order_id->is_int64() || order_id->as_int64() <= 0) {
      return Refuse("order_id", "required, the order's numeric ID (5000000001003 for #1003)");
    }
    const int64_t id = order_id->as_int64();
    std::string company = Field(*fields, "tracking_company");
    json::array numbers;
    json::array urls;
    if (!number.empty()) numbers.push_back(json::string(number));
    const std::string status = stage.empty() ? "in_transit" : absl::AsciiStrToLower(stage);
    std::string webhook_id = Field(*fields, "webhook_id");
    if (webhook_id.empty()) {
      webhook_id = absl::StrCat("sandbox-", id, "-", absl::ToUnixMicros(now));
    }
    std::string shop = Field(*fields, "shop");
    if (shop.empty()) shop = std::string(kSandboxShopifyShop);
    const std::string at = Rfc3339At(now, 0);
    body = json::serialize(json::object{
        {"id", id * 10 + 1},
        {"order_id", id},
        {"status", "success"},
        {"created_at", at},
        {"service", "manual"},
        {"updated_at", at},
        {"tracking_company", company.empty() ? json::value(nullptr) : json::value(company)},
        {"shipment_status", status},
        {"location_id", 905684977},
        {"tracking_number", number.empty() ? json::value(nullptr) : json::value(number)},
        {"tracking_numbers", std::move(numbers)},
        {"tracking_url", nullptr},
        {"tracking_urls", std::move(urls)},
        {"receipt", json::object{}},
        {"name", order.empty() ? json::value(nullptr) : json::value(absl::StrCat(order, ".1"))},
        {"line_items", json::array{}}});
    headers.emplace_back("X-Shopify-Topic", "fulfillments/update");
    headers.emplace_back("X-Shopify-Shop-Domain", shop);
    headers.emplace_back("X-Shopify-Webhook-Id", webhook_id);
    headers.emplace_back("X-Shopify-API-Version", "2025-10");
    headers.emplace_back("X-Shopify-Triggered-At", at);
    if (sign != "none") {
      headers.emplace_back(
          "X-Shopify-Hmac-SHA256",
          Signed(sign, secret.empty() ? secrets.shopify_client_secret : secret, body));
    }
  } else {
    return Refuse("carrier", "ups, fedex, dhl or shopify");
  }

  int64_t id = 0;
  {
    absl::MutexLock lock(&mu_);
    id = static_cast<int64_t>(sent_.size()) + 1;
    sent_.push_back({.id = id, .carrier = carrier, .target = Field(*fields, "target")});
    senders_.emplace_back(
        [this, id, host, port, target, headers = std::move(headers), body = std::move(body)] {
          auto [status, answer] = Post(host, port, target, headers, body);
          Record(id, status, std::move(answer));
        });
  }
  return JsonAnswer(202, json::object{{"push", id}});
}

Reply CarrierPusher::Pushes() const {
  json::array list;
  absl::MutexLock lock(&mu_);
  for (const Sent& sent : sent_) {
    list.push_back(json::object{{"push", sent.id},
                                {"carrier", sent.carrier},
                                {"target", sent.target},
                                {"status", sent.status},
                                {"answer", sent.answer}});
  }
  return JsonAnswer(200, json::object{{"pushes", std::move(list)}});
}

}  // namespace trackenrich::sandbox
