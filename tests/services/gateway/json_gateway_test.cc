#include "services/gateway/json_gateway.h"

#include <catch2/catch.hpp>

#include "tests/support/status_matchers.h"

namespace trackenrich::server {
namespace {

TEST_CASE("gateway: gRPC codes map to HTTP statuses", "[gateway]") {
  const std::pair<grpc::StatusCode, int> table[] = {
      {grpc::StatusCode::OK, 200},
      {grpc::StatusCode::INVALID_ARGUMENT, 400},
      {grpc::StatusCode::UNAUTHENTICATED, 401},
      {grpc::StatusCode::PERMISSION_DENIED, 403},
      {grpc::StatusCode::NOT_FOUND, 404},
      {grpc::StatusCode::FAILED_PRECONDITION, 422},
      {grpc::StatusCode::RESOURCE_EXHAUSTED, 429},
      {grpc::StatusCode::UNAVAILABLE, 503},
      {grpc::StatusCode::DEADLINE_EXCEEDED, 504},
      {grpc::StatusCode::INTERNAL, 500},
      {grpc::StatusCode::UNKNOWN, 500},
      {grpc::StatusCode::DATA_LOSS, 500},
  };
  for (const auto& [code, status] : table) {
    INFO(static_cast<int>(code));
    CHECK(HttpStatusFor(code) == status);
  }
}

TEST_CASE("gateway: Grpc-Timeout takes gRPC's format", "[gateway]") {
  CHECK(*ParseGrpcTimeout("2S") == absl::Seconds(2));
  CHECK(*ParseGrpcTimeout("500m") == absl::Milliseconds(500));
  CHECK(*ParseGrpcTimeout("1H") == absl::Hours(1));
  CHECK(*ParseGrpcTimeout("3M") == absl::Minutes(3));
  CHECK(*ParseGrpcTimeout("250u") == absl::Microseconds(250));
  CHECK(*ParseGrpcTimeout("99999999n") == absl::Nanoseconds(99999999));
  for (const char* bad : {"", "S", "2", "2s", "-1S", "123456789S", "1.5S", "two seconds"}) {
    INFO(bad);
    CHECK_THAT(ParseGrpcTimeout(bad).status(),
               testing::StatusIs(absl::StatusCode::kInvalidArgument, "Grpc-Timeout"));
  }
}

}  // namespace
}  // namespace trackenrich::server
