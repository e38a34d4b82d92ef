#include "services/sandbox/sandbox_upstream.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/json.hpp"

#include "services/sandbox/carrier_scenarios.h"
#include "services/sandbox/ebay_scenarios.h"
#include "services/sandbox/shopify_scenarios.h"
#include "services/sandbox/sp_api_scenarios.h"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;
using Reply = server::HttpServer::Reply;

Reply JsonReply(int status, const json::value& body) {
  Reply reply;
  reply.response.status = status;
  reply.response.headers.emplace_back("Content-Type", "application/json");
  reply.response.body = json::serialize(body);
  return reply;
}

// Strips the query string.
absl::string_view PathOf(absl::string_view target) {
  const size_t query = target.find('?');
  return query == absl::string_view::npos ? target : target.substr(0, query);
}

}  // namespace

std::string CarrierMemory::IssueToken(absl::string_view prefix) {
  absl::MutexLock lock(&mu_);
  std::string token = absl::StrCat(prefix, ++tokens_issued_);
  issued_tokens_.insert(token);
  return token;
}

bool CarrierMemory::IsIssued(absl::string_view token) const {
  absl::MutexLock lock(&mu_);
  return issued_tokens_.contains(token);
}

void CarrierMemory::SetStory(absl::string_view tracking_number, absl::string_view stage) {
  absl::MutexLock lock(&mu_);
  stories_[tracking_number] = std::string(stage);
}

std::string CarrierMemory::Story(absl::string_view tracking_number) const {
  absl::MutexLock lock(&mu_);
  auto it = stories_.find(tracking_number);
  return it == stories_.end() ? "" : it->second;
}

SandboxUpstream::SandboxUpstream(boost::asio::io_context& io_context, Options options, Clock clock)
    : clock_(std::move(clock)), tls_(!options.tls_certificate_chain_pem.empty()) {
  server::HttpServer::Options server_options;
  server_options.tls_certificate_chain_pem = std::move(options.tls_certificate_chain_pem);
  server_options.tls_private_key_pem = std::move(options.tls_private_key_pem);
  server_ = std::make_unique<server::HttpServer>(
      io_context,
      [this](const http::HttpRequest& request) {
        Reply reply = Handle(request);
        const bool ok_before = reply.response.status >= 200 && reply.response.status < 300;
        if (faults_.Apply(request.target, &reply) && ok_before &&
            (reply.response.status < 200 || reply.response.status >= 300 ||
             reply.reset_connection || reply.truncate_after_bytes > 0)) {
          helpdesks_.Forget(request.target);
        }
        return reply;
      },
      server_options);
}

SandboxUpstream::~SandboxUpstream() { Stop(); }

absl::StatusOr<uint16_t> SandboxUpstream::Listen(absl::string_view host, uint16_t port) {
  auto bound = server_->Listen(host, port);
  if (bound.ok()) {
    base_url_ = absl::StrCat(
        "http://", absl::StrContains(host, ":") ? absl::StrCat("[", host, "]") : std::string(host),
        ":", *bound);
  }
  return bound;
}

void SandboxUpstream::Stop() { server_->Stop(); }

std::string SandboxUpstream::base_url() const { return base_url_; }

int64_t SandboxUpstream::RequestCount(absl::string_view route) const {
  absl::MutexLock lock(&mu_);
  auto it = counts_.find(route);
  return it == counts_.end() ? 0 : it->second;
}

int64_t SandboxUpstream::ConnectionCount() const { return server_->connections_accepted(); }

void SandboxUpstream::ResetCounts() {
  absl::MutexLock lock(&mu_);
  counts_.clear();
  traceparents_.clear();
}

std::vector<std::string> SandboxUpstream::RecentTraceparents() const {
  absl::MutexLock lock(&mu_);
  return {traceparents_.begin(), traceparents_.end()};
}

void SandboxUpstream::Count(absl::string_view route) {
  absl::MutexLock lock(&mu_);
  ++counts_[route];
}

absl::Status SandboxUpstream::SetStory(absl::string_view tracking_number, absl::string_view stage) {
  if (!IsStoryStage(stage)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "stage: not a ", absl::StrJoin(StoryTellerNames(), " or "), " scenario name: ", stage));
  }
  if (tracking_number.empty()) return absl::InvalidArgumentError("tracking_number: required");
  memory_.SetStory(tracking_number, stage);
  return absl::OkStatus();
}

const std::vector<Scenario>& SandboxUpstream::Scenarios() {
  static const auto* const scenarios = new std::vector<Scenario>(CarrierScenarioList());
  return *scenarios;
}

std::string SandboxUpstream::ScenarioNumber(absl::string_view carrier, absl::string_view name) {
  for (const Scenario& scenario : Scenarios()) {
    if (scenario.carrier == carrier && scenario.name == name) return scenario.tracking_number;
  }
  return "";
}

Reply SandboxUpstream::Handle(const http::HttpRequest& request) {
  const absl::string_view path = PathOf(request.target);

  if (path == "/__sandbox/stats") {
    json::object counts;
    json::array traceparents;
    absl::MutexLock lock(&mu_);
    for (const auto& [route, count] : counts_) counts[route] = count;
    for (const auto& traceparent : traceparents_) traceparents.emplace_back(traceparent);
    return JsonReply(200, json::object{{"requests", std::move(counts)},
                                       {"connections", server_->connections_accepted()},
                                       {"traceparents", std::move(traceparents)}});
  }
  if (const absl::string_view traceparent = request.Header("traceparent");
      !traceparent.empty() && !absl::StartsWith(path, "/__sandbox/")) {
    absl::MutexLock lock(&mu_);
    traceparents_.emplace_back(traceparent);
    if (traceparents_.size() > 256) traceparents_.pop_front();
  }
  if (path == "/__sandbox/faults" && request.method == "POST") {
    auto fault = ParseFault(request.body);
    if (!fault.ok()) {
      return JsonReply(400, json::object{{"error", std::string(fault.status().message())}});
    }
    faults_.Add(*std::move(fault));
    return JsonReply(200, json::object{{"added", true}});
  }
  if (path == "/__sandbox/faults" && request.method == "DELETE") {
    faults_.Clear();
    return JsonReply(200, json::object{{"cleared", true}});
  }
  if (path == "/__sandbox/scenarios") {
    json::array list;
    for (const Scenario& scenario : Scenarios()) {
      list.push_back(json::object{{"carrier", scenario.carrier},
                                  {"tracking_number", scenario.tracking_number},
                                  {"scenario", scenario.name},
                                  {"description", scenario.description}});
    }
    json::array orders;
    std::vector<Scenario> order_scenarios = SpApiScenarioList();
    for (Scenario& scenario : EbayScenarioList()) order_scenarios.push_back(std::move(scenario));
    for (const Scenario& scenario : order_scenarios) {
      json::object order{{"source", scenario.carrier},
                         {"order_id", scenario.tracking_number},
                         {"scenario", scenario.name},
                         {"description", scenario.description}};
      if (!scenario.marketplace_id.empty()) order["marketplace_id"] = scenario.marketplace_id;
      orders.push_back(std::move(order));
    }
    for (const Scenario& scenario : ShopifyScenarioList()) {
      orders.push_back(json::object{{"source", scenario.carrier},
                                    {"order_id", scenario.tracking_number},
                                    {"scenario", scenario.name},
                                    {"description", scenario.description},
                                    {"shop", scenario.marketplace_id}});
    }
    return JsonReply(200,
                     json::object{{"scenarios", std::move(list)}, {"orders", std::move(orders)}});
  }
  if (path == "/__sandbox/story" && request.method == "POST") {
    boost::system::error_code error;
    const json::value body = json::parse(request.body, error);
    const json::object* fields = error ? nullptr : body.if_object();
    const json::value* number =
        fields == nullptr ? nullptr : fields->if_contains("tracking_number");
    const json::value* stage = fields == nullptr ? nullptr : fields->if_contains("stage");
    if (number == nullptr || stage == nullptr || !number->is_string() || !stage->is_string()) {
      return JsonReply(400,
                       json::object{{"error", "want {\"tracking_number\": ..., \"stage\": ...}"}});
    }
    if (auto status = SetStory(std::string(number->as_string()), std::string(stage->as_string()));
        !status.ok()) {
      return JsonReply(400, json::object{{"error", std::string(status.message())}});
    }
    return JsonReply(
        200, json::object{{"tracking_number", number->as_string()}, {"stage", stage->as_string()}});
  }
  if (path == "/__sandbox/push" && request.method == "POST") return pusher_.Push(request, clock_());
  if (path == "/__sandbox/pushes" && request.method == "GET") return pusher_.Pushes();
  if (path == "/__sandbox/reset" && request.method == "POST") {
    ResetCounts();
    return JsonReply(200, json::object{{"reset", true}});
  }

  // A trivial route for exercising the HTTP client itself (pools, faults, benchmarks).
  if (path == "/ping") {
    Count("ping");
    return JsonReply(200, json::object{{"pong", true}});
  }

  if (auto reply = helpdesks_.Handle(request)) {
    if (!absl::StartsWith(path, "/__sandbox/")) {
      Count(absl::StartsWith(path, "/zendesk/") ? "zendesk.api" : "freshdesk.api");
    }
    return *std::move(reply);
  }
  if (auto reply =
          HandleSpApi(request, clock_(), [this](absl::string_view route) { Count(route); })) {
    return *std::move(reply);
  }
  if (auto reply =
          HandleEbay(request, clock_(), [this](absl::string_view route) { Count(route); })) {
    return *std::move(reply);
  }
  if (auto reply =
          HandleShopify(request, clock_(), [this](absl::string_view route) { Count(route); })) {
    return *std::move(reply);
  }
  if (auto reply = HandleCarrierScenarios(
          request, clock_(), [this](absl::string_view route) { Count(route); }, memory_)) {
    return *std::move(reply);
  }

  Count("unknown");
  Reply reply;
  reply.response.status = 404;
  reply.response.body = absl::StrCat("no sandbox route for ", path, "\n");
  return reply;
}

}  // namespace trackenrich::sandbox
