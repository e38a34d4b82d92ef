// Catch2 matchers for absl::Status and grpc::Status:
//   REQUIRE_THAT(status, StatusIs(absl::StatusCode::kNotFound));
//   REQUIRE_THAT(grpc_status, GrpcStatusIs(grpc::StatusCode::INVALID_ARGUMENT, "shipment"));
#ifndef TRACKENRICH_TESTS_SUPPORT_STATUS_MATCHERS_H_
#define TRACKENRICH_TESTS_SUPPORT_STATUS_MATCHERS_H_

#include <string>

#include <catch2/catch.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/support/status.h"

namespace trackenrich::testing {

class StatusIsMatcher : public Catch::MatcherBase<absl::Status> {
 public:
  StatusIsMatcher(absl::StatusCode code, std::string substring)
      : code_(code), substring_(std::move(substring)) {}
  bool match(const absl::Status& status) const override {
    return status.code() == code_ && absl::StrContains(status.message(), substring_);
  }
  std::string describe() const override {
    return absl::StrCat(
        "has code ", absl::StatusCodeToString(code_),
        substring_.empty() ? "" : absl::StrCat(" and a message containing \"", substring_, "\""));
  }

 private:
  absl::StatusCode code_;
  std::string substring_;
};

inline StatusIsMatcher StatusIs(absl::StatusCode code, std::string substring = "") {
  return StatusIsMatcher(code, std::move(substring));
}
inline StatusIsMatcher IsOk() { return StatusIsMatcher(absl::StatusCode::kOk, ""); }

class GrpcStatusIsMatcher : public Catch::MatcherBase<grpc::Status> {
 public:
  GrpcStatusIsMatcher(grpc::StatusCode code, std::string substring)
      : code_(code), substring_(std::move(substring)) {}
  bool match(const grpc::Status& status) const override {
    return status.error_code() == code_ && absl::StrContains(status.error_message(), substring_);
  }
  std::string describe() const override {
    return absl::StrCat(
        "has gRPC code ", static_cast<int>(code_),
        substring_.empty() ? "" : absl::StrCat(" and a message containing \"", substring_, "\""));
  }

 private:
  grpc::StatusCode code_;
  std::string substring_;
};

inline GrpcStatusIsMatcher GrpcStatusIs(grpc::StatusCode code, std::string substring = "") {
  return GrpcStatusIsMatcher(code, std::move(substring));
}

}  // namespace trackenrich::testing

namespace Catch {
template <>
struct StringMaker<absl::Status> {
  static std::string convert(const absl::Status& status) { return status.ToString(); }
};
template <>
struct StringMaker<grpc::Status> {
  static std::string convert(const grpc::Status& status) {
    return absl::StrCat("grpc::Status(", static_cast<int>(status.error_code()), ", \"",
                        status.error_message(), "\")");
  }
};
}  // namespace Catch

#endif  // TRACKENRICH_TESTS_SUPPORT_STATUS_MATCHERS_H_
