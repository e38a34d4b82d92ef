// Compares a crosswalk table with an independent list of the codes its
// carrier publishes: every listed code must be in the table with the listed
// state and reason, and the table may hold no code the list lacks.
//
//   const std::vector<testing::PublishedCode> published = {
//       {"OD", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
//   };
//   testing::CheckCrosswalk(FedexEventCrosswalk(), published);
//   testing::CheckMapped(MapFedexStatus("OD", "", "", ""), published[0]);
#ifndef TRACKENRICH_TESTS_SUPPORT_CROSSWALK_CHECK_H_
#define TRACKENRICH_TESTS_SUPPORT_CROSSWALK_CHECK_H_

#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/common/crosswalk.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::testing {

struct PublishedCode {
  std::string code;
  v1::ShipmentState state;
  v1::StateReason reason;
};

inline void CheckCrosswalk(const adapters::Crosswalk& table,
                           const std::vector<PublishedCode>& published) {
  INFO(table.carrier << ": " << table.field);
  std::set<std::string> listed;
  for (const PublishedCode& expected : published) {
    INFO("published code " << expected.code);
    CHECK(listed.insert(expected.code).second);  // the list itself has no repeats
    const adapters::CrosswalkRow* row = table.Find(expected.code);
    REQUIRE(row != nullptr);  // missing from the crosswalk
    CHECK(v1::ShipmentState_Name(row->state) == v1::ShipmentState_Name(expected.state));
    CHECK(v1::StateReason_Name(row->reason) == v1::StateReason_Name(expected.reason));
  }
  for (const adapters::CrosswalkRow& row : table.rows) {
    INFO("crosswalk code " << row.code);
    CHECK(listed.count(std::string(row.code)) == 1);  // not in the carrier's list
  }
}

// What a carrier's mapping function answered for one published code
// ({state, reason}, e.g. FedexStatus) is the listed state and reason.
template <typename Mapped>
void CheckMapped(const Mapped& got, const PublishedCode& expected) {
  INFO("published code " << expected.code);
  CHECK(v1::ShipmentState_Name(got.state) == v1::ShipmentState_Name(expected.state));
  CHECK(v1::StateReason_Name(got.reason) == v1::StateReason_Name(expected.reason));
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_CROSSWALK_CHECK_H_
