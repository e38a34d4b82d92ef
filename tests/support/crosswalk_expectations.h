// Compares a crosswalk (adapters/common/crosswalk.h) with a test's own list
// of the codes a carrier publishes, written from the carrier's documentation:
// both ways, so a crosswalk that skips a published code or carries one the
// carrier never published fails, and so does any code mapped differently.
//
//   constexpr ExpectedCode kPublished[] = {
//       {"delivered", v1::SHIPMENT_STATE_DELIVERED, {}},
//   };
//   CheckCrosswalkIs(DhlStatusCodeCrosswalk(), kPublished, "developer.dhl.com");
//   // fails naming each code that is missing, invented or mapped differently
#ifndef TRACKENRICH_TESTS_SUPPORT_CROSSWALK_EXPECTATIONS_H_
#define TRACKENRICH_TESTS_SUPPORT_CROSSWALK_EXPECTATIONS_H_

#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::testing {

struct ExpectedCode {
  const char* code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

// Empty when `crosswalk` holds exactly the `published` codes, each with the
// expected state and reason; otherwise one line per difference.
inline std::vector<std::string> CrosswalkProblems(const adapters::Crosswalk& crosswalk,
                                                  absl::Span<const ExpectedCode> published) {
  std::vector<std::string> problems;
  std::set<std::string> listed;
  for (const ExpectedCode& expected : published) {
    listed.insert(expected.code);
    const adapters::CrosswalkRow* row = crosswalk.Find(expected.code);
    if (row == nullptr) {
      problems.push_back(absl::StrCat("missing from the crosswalk: ", expected.code));
      continue;
    }
    if (row->state != expected.state || row->reason != expected.reason) {
      problems.push_back(absl::StrCat(
          expected.code, ": crosswalk says ", v1::ShipmentState_Name(row->state), "/",
          v1::StateReason_Name(row->reason), ", expected ", v1::ShipmentState_Name(expected.state),
          "/", v1::StateReason_Name(expected.reason)));
    }
  }
  for (const adapters::CrosswalkRow& row : crosswalk.rows) {
    if (listed.count(std::string(row.code)) == 0) {
      problems.push_back(absl::StrCat("not a published code: ", row.code));
    }
  }
  return problems;
}

// A Catch check: `crosswalk` holds exactly the `published` codes, and its
// source names `source_names` (the carrier's document).
inline void CheckCrosswalkIs(const adapters::Crosswalk& crosswalk,
                             absl::Span<const ExpectedCode> published,
                             absl::string_view source_names) {
  const std::vector<std::string> problems = CrosswalkProblems(crosswalk, published);
  INFO(crosswalk.carrier << ": " << crosswalk.field << "\n" << absl::StrJoin(problems, "\n"));
  CHECK(problems.empty());
  CHECK_THAT(std::string(crosswalk.source), Catch::Contains(std::string(source_names)));
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_CROSSWALK_EXPECTATIONS_H_
