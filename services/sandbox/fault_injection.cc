#include "services/sandbox/fault_injection.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"

namespace trackenrich::sandbox {
namespace {

namespace json = boost::json;

struct KindName {
  absl::string_view name;
  FaultKind kind;
};

constexpr KindName kKinds[] = {
    {"latency", FaultKind::kLatency},
    {"status", FaultKind::kStatus},
    {"rate_limited", FaultKind::kRateLimited},
    {"reset", FaultKind::kReset},
    {"truncate", FaultKind::kTruncate},
    {"malformed_json", FaultKind::kMalformedJson},
    {"trickle", FaultKind::kTrickle},
    {"oversized", FaultKind::kOversized},
    {"wrong_content_type", FaultKind::kWrongContentType},
    {"expired_token", FaultKind::kExpiredToken},
};

void SetHeader(http::HeaderList& headers, absl::string_view name, std::string value) {
  for (auto& [key, current] : headers) {
    if (absl::EqualsIgnoreCase(key, name)) {
      current = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

}  // namespace

absl::StatusOr<Fault> ParseFault(absl::string_view json_text) {
  boost::system::error_code error;
  json::value root = json::parse(std::string_view(json_text.data(), json_text.size()), error);
  if (error || !root.is_object())
    return absl::InvalidArgumentError("fault: body must be a JSON object");
  const json::object& object = root.as_object();
  Fault fault;
  const json::value* kind = object.if_contains("kind");
  if (kind == nullptr || !kind->is_string()) return absl::InvalidArgumentError("kind: required");
  bool known = false;
  for (const auto& entry : kKinds) {
    if (entry.name == absl::string_view(kind->as_string().data(), kind->as_string().size())) {
      fault.kind = entry.kind;
      known = true;
    }
  }
  if (!known)
    return absl::InvalidArgumentError(
        absl::StrCat("kind: unknown fault \"", std::string(kind->as_string()), "\""));
  auto number = [&](const char* key, int64_t fallback) -> absl::StatusOr<int64_t> {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) return fallback;
    if (!value->is_int64())
      return absl::InvalidArgumentError(absl::StrCat(key, ": must be a whole number"));
    return value->as_int64();
  };
  if (const json::value* path = object.if_contains("path")) {
    if (!path->is_string()) return absl::InvalidArgumentError("path: must be a string");
    fault.path_prefix = std::string(path->as_string());
  }
  auto status = number("status", 503);
  auto delay_ms = number("delay_ms", 0);
  auto retry_after = number("retry_after_s", 1);
  auto bytes = number("bytes", 0);
  auto times = number("times", -1);
  for (const auto* result : {&status, &delay_ms, &retry_after, &bytes, &times}) {
    if (!result->ok()) return result->status();
  }
  fault.status = static_cast<int>(*status);
  fault.delay = absl::Milliseconds(*delay_ms);
  fault.retry_after_seconds = static_cast<int>(*retry_after);
  fault.bytes = static_cast<size_t>(std::max<int64_t>(0, *bytes));
  fault.times = static_cast<int>(*times);
  return fault;
}

void FaultPlan::Add(Fault fault) {
  absl::MutexLock lock(&mu_);
  faults_.push_back(std::move(fault));
}

void FaultPlan::Clear() {
  absl::MutexLock lock(&mu_);
  faults_.clear();
}

bool FaultPlan::Apply(absl::string_view target, server::HttpServer::Reply* reply) {
  if (absl::StartsWith(target, "/__sandbox/")) return false;
  Fault fault;
  {
    absl::MutexLock lock(&mu_);
    auto it = faults_.begin();
    while (it != faults_.end() && !absl::StartsWith(target, it->path_prefix)) ++it;
    if (it == faults_.end()) return false;
    fault = *it;
    if (it->times > 0 && --it->times == 0) faults_.erase(it);
  }
  http::HttpResponse& response = reply->response;
  switch (fault.kind) {
    case FaultKind::kLatency:
      reply->delay += fault.delay;
      break;
    case FaultKind::kStatus:
      response.status = fault.status;
      response.body = absl::StrCat("{\"error\":\"injected ", fault.status, "\"}");
      SetHeader(response.headers, "Content-Type", "application/json");
      break;
    case FaultKind::kRateLimited:
      response.status = 429;
      response.body = "{\"error\":\"Too Many Requests\"}";
      SetHeader(response.headers, "Retry-After", absl::StrCat(fault.retry_after_seconds));
      break;
    case FaultKind::kReset:
      reply->reset_connection = true;
      break;
    case FaultKind::kTruncate:
      // Headers promise the full body; the connection closes early.
      reply->truncate_after_bytes = fault.bytes > 0 ? fault.bytes : 120;
      break;
    case FaultKind::kMalformedJson:
      response.body = response.body.substr(0, response.body.size() / 2) + "<<not json";
      break;
    case FaultKind::kTrickle:
      reply->trickle_interval =
          fault.delay > absl::ZeroDuration() ? fault.delay : absl::Milliseconds(50);
      break;
    case FaultKind::kOversized:
      response.body.append(fault.bytes > 0 ? fault.bytes : 8u << 20, ' ');
      break;
    case FaultKind::kWrongContentType:
      response.body = "<html><body>Service temporarily unavailable</body></html>";
      SetHeader(response.headers, "Content-Type", "text/html");
      break;
    case FaultKind::kExpiredToken:
      response.status = 401;
      response.body =
          "{\"response\":{\"errors\":[{\"code\":\"250002\",\"message\":\"Invalid Authentication "
          "Information.\"}]}}";
      SetHeader(response.headers, "Content-Type", "application/json");
      break;
  }
  return true;
}

}  // namespace trackenrich::sandbox
