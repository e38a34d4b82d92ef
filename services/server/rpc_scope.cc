#include "services/server/rpc_scope.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

#include "adapters/common/utf8.h"
#include "services/logging/structured_log.h"

namespace trackenrich::server {
namespace {

absl::string_view Metadata(const grpc::CallbackServerContext* context, absl::string_view key) {
  const auto& metadata = context->client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return "";
  return absl::string_view(it->second.data(), it->second.size());
}

// The canonical code's name ("NOT_FOUND") without building a string.
absl::string_view CodeName(absl::StatusCode code) {
  static const auto* const kNames = [] {
    auto* names = new std::array<std::string, 17>();
    for (size_t i = 0; i < names->size(); ++i) {
      (*names)[i] = absl::StatusCodeToString(static_cast<absl::StatusCode>(i));
    }
    return names;
  }();
  const auto index = static_cast<size_t>(code);
  return index < kNames->size() ? absl::string_view((*kNames)[index]) : "UNKNOWN";
}

grpc::Status ToGrpc(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

}  // namespace

void AddCacheLayer(v1::CacheLayer layer, std::vector<absl::string_view>* layers) {
  absl::string_view name;
  switch (layer) {
    case v1::CACHE_LAYER_NONE:
      name = "upstream";
      break;
    case v1::CACHE_LAYER_MEMORY:
      name = "memory";
      break;
    case v1::CACHE_LAYER_REDIS:
      name = "redis";
      break;
    case v1::CACHE_LAYER_COALESCED:
      name = "coalesced";
      break;
    default:
      return;
  }
  if (std::find(layers->begin(), layers->end(), name) == layers->end()) layers->push_back(name);
}

RpcScope::RpcScope(grpc::CallbackServerContext* context, const char* method,
                   ServiceMetrics& metrics, const auth::ApiKeyAuthenticator* auth,
                   google::protobuf::Message* response)
    : context_(context),
      reactor_(context->DefaultReactor()),
      method_(method),
      metrics_(metrics),
      auth_(auth),
      response_(response),
      started_(absl::Now()),
      request_id_(RequestIdFrom(Metadata(context, "x-request-id"))),
      trace_(http::TraceContext::Continue(Metadata(context, "traceparent"))) {
  metrics_.RpcStarted();
  context_->AddInitialMetadata("x-request-id", request_id_);
}

absl::StatusOr<std::string> AdmitCaller(const grpc::CallbackServerContext* context,
                                        const auth::ApiKeyAuthenticator* auth,
                                        ServiceMetrics& metrics, std::string* key_owner) {
  const absl::string_view requested = Metadata(context, "x-tenant");
  if (auth == nullptr) {
    std::string tenant(auth::kDefaultTenant);
    if (requested.empty() || requested == tenant) return tenant;
    metrics.RecordAuthRejection("wrong_tenant");
    return absl::PermissionDeniedError(
        absl::StrCat("x-tenant: the caller may not act for tenant '", requested, "'"));
  }
  const absl::string_view key =
      auth::ApiKeyFromHeaders(Metadata(context, "x-api-key"), Metadata(context, "authorization"));
  absl::StatusOr<std::string> tenant = auth->Authenticate(key, requested);
  if (tenant.ok()) return tenant;
  const bool wrong_tenant = tenant.status().code() == absl::StatusCode::kPermissionDenied;
  metrics.RecordAuthRejection(wrong_tenant  ? "wrong_tenant"
                              : key.empty() ? "missing_key"
                                            : "invalid_key");
  // A valid key naming another tenant: the log line says whose key it was.
  if (wrong_tenant && key_owner != nullptr) {
    if (auto own = auth->Authenticate(key, ""); own.ok()) *key_owner = *std::move(own);
  }
  return tenant.status();
}

bool RpcScope::Admit() {
  absl::StatusOr<std::string> tenant = AdmitCaller(context_, auth_, metrics_, &tenant_);
  if (tenant.ok()) {
    tenant_ = *std::move(tenant);
    return true;
  }
  if (auth_ == nullptr) tenant_ = std::string(auth::kDefaultTenant);
  Finish(tenant.status());
  return false;
}

void RpcScope::Guard(google::protobuf::Message* part) {
  repaired_ += adapters::RepairUtf8Strings(part);
}

void RpcScope::Finish(absl::Status status, const RpcDetails& details) {
  // Carrier text that is not UTF-8 (or was cut mid-character) would make
  // the client reject the whole response.
  int repaired = repaired_;
  if (status.ok() && response_ != nullptr) repaired += adapters::RepairUtf8Strings(response_);
  if (!adapters::IsValidUtf8(status.message())) {
    std::string message(status.message());
    adapters::RepairUtf8(&message);
    status = absl::Status(status.code(), message);
    ++repaired;
  }
  if (repaired > 0) {
    spdlog::warn("{}: {} string field(s) of the answer were not UTF-8; bad bytes sent as U+FFFD",
                 method_, repaired);
    metrics_.RecordUtf8Repair(method_);
  }
  const absl::Duration latency = absl::Now() - started_;
  const absl::string_view code = CodeName(status.code());
  metrics_.ForMethod(method_).Record(status.code(), latency);
  if (!tenant_.empty()) metrics_.RecordTenantRpc(tenant_, code);
  logging::RpcLogRecord record;
  record.request_id = request_id_;
  record.tenant = tenant_;
  record.method = method_;
  record.code = code;
  record.latency_ms = absl::ToDoubleMilliseconds(latency);
  record.message = status.message();
  record.cache_layers = details.cache_layers;
  record.upstream_calls =
      trace_.upstream_requests != nullptr ? trace_.upstream_requests->load() : 0;
  record.ticket_id = details.ticket_id;
  record.trace_id = trace_.trace_id;
  record.span_id = trace_.span_id;
  record.parent_span_id = trace_.parent_span_id;
  logging::LogRpc(record);
  metrics_.RpcFinished();
  reactor_->Finish(ToGrpc(status));
}

void AddCacheLayers(const v1::Shipment& shipment, std::vector<absl::string_view>* layers) {
  AddCacheLayer(shipment.provenance().cache_layer(), layers);
}

void AddCacheLayers(const v1::Order& order, std::vector<absl::string_view>* layers) {
  AddCacheLayer(order.provenance().cache_layer(), layers);
  for (const v1::Shipment& shipment : order.shipments()) AddCacheLayers(shipment, layers);
}

std::string RequestIdFrom(absl::string_view incoming) {
  bool usable = !incoming.empty() && incoming.size() <= 64;
  for (char c : incoming) {
    if (!usable) break;
    usable = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '.' || c == '_' || c == ':' || c == '-';
  }
  if (usable) return std::string(incoming);
  return absl::StrCat(http::NewSpanId(), http::NewSpanId());
}

}  // namespace trackenrich::server
