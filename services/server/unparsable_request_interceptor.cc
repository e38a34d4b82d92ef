#include "services/server/unparsable_request_interceptor.h"

#include <algorithm>
#include <mutex>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/stubs/logging.h"
#include "spdlog/spdlog.h"

namespace trackenrich::server {
namespace {

namespace pb = google::protobuf;
using Hook = grpc::experimental::InterceptionHookPoints;

// The string field protobuf last found not UTF-8 while parsing on this thread.
thread_local std::string invalid_utf8_field;

// protobuf's log, to spdlog. Its UTF-8 complaint reads "String field
// 'trackenrich.v1.ShipmentRef.tracking_number' contains invalid UTF-8 data
// when parsing a protocol buffer. ..." (google/protobuf/wire_format_lite.cc).
void RouteProtobufLog(pb::LogLevel level, const char* filename, int line,
                      const std::string& message) {
  absl::string_view text = message;
  if (absl::StrContains(text, "invalid UTF-8 data when parsing") &&
      absl::ConsumePrefix(&text, "String field '")) {
    invalid_utf8_field = std::string(text.substr(0, text.find('\'')));
    spdlog::debug("protobuf: {}", message);
    return;
  }
  switch (level) {
    case pb::LOGLEVEL_INFO:
      spdlog::info("protobuf {}:{}: {}", filename, line, message);
      break;
    case pb::LOGLEVEL_WARNING:
      spdlog::warn("protobuf {}:{}: {}", filename, line, message);
      break;
    default:
      spdlog::error("protobuf {}:{}: {}", filename, line, message);
      break;
  }
}

// The path from `message` to the string field named `full_name`, e.g.
// "requests[].shipment.tracking_number" ([] for a repeated field: which
// element is not known).
bool FindFieldPath(const pb::Descriptor* message, absl::string_view full_name,
                   const std::string& prefix, int depth, std::string* path) {
  if (depth > 8) return false;
  for (int i = 0; i < message->field_count(); ++i) {
    const pb::FieldDescriptor* field = message->field(i);
    const std::string name = absl::StrCat(prefix, field->name(), field->is_repeated() ? "[]" : "");
    if (field->type() == pb::FieldDescriptor::TYPE_STRING && field->full_name() == full_name) {
      *path = name;
      return true;
    }
    if (field->type() == pb::FieldDescriptor::TYPE_MESSAGE &&
        FindFieldPath(field->message_type(), full_name, name + ".", depth + 1, path)) {
      return true;
    }
  }
  return false;
}

grpc::Status Refuse(ServiceMetrics& metrics, const char* method_path, const std::string& message,
                    absl::Time started) {
  const absl::string_view method = method_path;
  metrics.RecordRpc(method.substr(method.rfind('/') + 1), "INVALID_ARGUMENT",
                    absl::Now() - started);
  spdlog::debug("rpc {} INVALID_ARGUMENT: {}", method_path, message);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message);
}

class UnparsableRequestInterceptor final : public grpc::experimental::Interceptor {
 public:
  UnparsableRequestInterceptor(ServiceMetrics& metrics, const char* method)
      : metrics_(metrics), method_(method), started_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(Hook::POST_RECV_MESSAGE)) {
      // Parsed on this thread just now; a leftover complaint is dropped too.
      std::string field = std::exchange(invalid_utf8_field, {});
      if (methods->GetRecvMessage() == nullptr) {
        message_ = UnparsableRequestMessage(method_, field);
        unparsable_ = true;
      }
    }
    if (unparsable_ && methods->QueryInterceptionHookPoint(Hook::PRE_SEND_STATUS)) {
      methods->ModifySendStatus(Refuse(metrics_, method_, message_, started_));
    }
    methods->Proceed();
  }

 private:
  ServiceMetrics& metrics_;
  const char* method_;
  absl::Time started_;
  bool unparsable_ = false;
  std::string message_;
};

class UnparsableRequestInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  UnparsableRequestInterceptorFactory(ServiceMetrics& metrics,
                                      std::vector<std::string> self_parsing)
      : metrics_(metrics), self_parsing_(std::move(self_parsing)) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    // The service's own unary methods; health and reflection are left alone.
    if (info->type() != grpc::experimental::ServerRpcInfo::Type::UNARY ||
        !absl::StartsWith(info->method(), "/trackenrich.") ||
        std::find(self_parsing_.begin(), self_parsing_.end(), info->method()) !=
            self_parsing_.end()) {
      return nullptr;
    }
    return new UnparsableRequestInterceptor(metrics_, info->method());
  }

 private:
  ServiceMetrics& metrics_;
  const std::vector<std::string> self_parsing_;
};

}  // namespace

std::string UnparsableRequestMessage(absl::string_view method, absl::string_view invalid_field) {
  // "/trackenrich.v1.TrackingService/TrackShipment" →
  // "trackenrich.v1.TrackingService.TrackShipment"
  const std::string name = absl::StrReplaceAll(absl::StripPrefix(method, "/"), {{"/", "."}});
  const pb::MethodDescriptor* descriptor =
      pb::DescriptorPool::generated_pool()->FindMethodByName(name);
  if (descriptor == nullptr) return "request: not a valid request message";
  std::string path;
  if (!invalid_field.empty() &&
      FindFieldPath(descriptor->input_type(), invalid_field, "", 0, &path)) {
    return absl::StrCat(path, ": not valid UTF-8");
  }
  return absl::StrCat("request: not a valid ", descriptor->input_type()->full_name(), " message");
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeUnparsableRequestInterceptorFactory(ServiceMetrics& metrics,
                                        std::vector<std::string> self_parsing) {
  static std::once_flag route_log;
  std::call_once(route_log, [] { pb::SetLogHandler(&RouteProtobufLog); });
  return std::make_unique<UnparsableRequestInterceptorFactory>(metrics, std::move(self_parsing));
}

bool ParseRawRequest(const grpc::ByteBuffer& bytes, google::protobuf::Message* request) {
  invalid_utf8_field.clear();
  grpc::Slice slice;
  // No payload at all does not parse, as with gRPC's own reader.
  if (!bytes.TrySingleSlice(&slice).ok() && !bytes.DumpToSingleSlice(&slice).ok()) return false;
  return request->ParseFromArray(slice.begin(), static_cast<int>(slice.size()));
}

grpc::Status RefuseUnparsableRequest(ServiceMetrics& metrics, const char* method,
                                     absl::Time started) {
  const std::string field = std::exchange(invalid_utf8_field, {});
  return Refuse(metrics, method, UnparsableRequestMessage(method, field), started);
}

}  // namespace trackenrich::server
