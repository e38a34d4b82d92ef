// The UPS crosswalk against UPS's published code lists: three-digit activity
// status codes, two-character status codes (X/.. pairs under status type X,
// UPS's exception table), and status types. Each list is written here from
// UPS's documentation, independently of the tables, so a table that skips or
// invents a code fails.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/ups/ups_status_map.h"
#include "tests/support/crosswalk_check.h"

namespace trackenrich::adapters::ups {
namespace {

using testing::PublishedCode;

constexpr auto kNotFound = v1::SHIPMENT_STATE_NOT_FOUND;
constexpr auto kLabel = v1::SHIPMENT_STATE_LABEL_CREATED;
constexpr auto kPickedUp = v1::SHIPMENT_STATE_PICKED_UP;
constexpr auto kTransit = v1::SHIPMENT_STATE_IN_TRANSIT;
constexpr auto kOut = v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
constexpr auto kPickup = v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
constexpr auto kAttempted = v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
constexpr auto kException = v1::SHIPMENT_STATE_EXCEPTION;
constexpr auto kReturned = v1::SHIPMENT_STATE_RETURNED;
constexpr auto kDelivered = v1::SHIPMENT_STATE_DELIVERED;
constexpr auto kNone = v1::STATE_REASON_UNSPECIFIED;
constexpr auto kCustoms = v1::STATE_REASON_CUSTOMS;

// UPS Track API status.statusCode (three digits).
const std::vector<PublishedCode>& PublishedStatusCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"003", kLabel, kNone},  // label created, not yet received
      {"005", kTransit, kNone},
      {"011", kDelivered, kNone},
      {"012", kTransit, kCustoms},  // clearance in progress
      {"021", kOut, kNone},
      {"034", kReturned, v1::STATE_REASON_RETURN_TO_SENDER},
      {"038", kPickedUp, kNone},
      {"060", kAttempted, v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
      {"065", kLabel, kNone},  // pickup attempted: UPS does not have it yet
      {"072", kOut, kNone},    // loaded on delivery vehicle
      {"092", kTransit, kCustoms},
      {"131", kLabel, kNone},                              // pickup attempted
      {"135", kLabel, kNone},                              // pickup attempted
      {"161", kPickup, v1::STATE_REASON_HELD_FOR_PICKUP},  // at a UPS Access Point
  };
  return *codes;
}

// UPS status.code; X/.. is the code under status type X.
const std::vector<PublishedCode>& PublishedCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"F4", kDelivered, kNone},
      {"FS", kDelivered, kNone},
      {"KB", kDelivered, kNone},
      {"MP", kLabel, kNone},
      {"OF", kOut, kNone},
      {"OR", kPickedUp, kNone},
      {"OT", kOut, kNone},
      {"PU", kPickedUp, kNone},
      {"SR", kTransit, kNone},                                 // released by the customs agency
      {"X/AC", kException, v1::STATE_REASON_ADDRESS_ISSUE},    // wrong city
      {"X/DY", kException, kCustoms},                          // importer contacted
      {"X/RP", kException, kCustoms},                          // government release pending
      {"X/RS", kException, kCustoms},                          // receiver contacted
      {"X/UR", kException, v1::STATE_REASON_PROHIBITED_ITEM},  // unauthorized hazmat
  };
  return *codes;
}

// UPS status.type.
const std::vector<PublishedCode>& PublishedTypes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"D", kOut, kNone},       {"I", kTransit, kNone},
      {"M", kLabel, kNone},     {"MV", kLabel, kNone},
      {"NA", kNotFound, kNone}, {"P", kPickedUp, kNone},
      {"U", kTransit, kNone},   {"X", kException, v1::STATE_REASON_OTHER},
  };
  return *codes;
}

void CheckMapped(const UpsStatus& got, const PublishedCode& expected) {
  CHECK(v1::ShipmentState_Name(got.state) == v1::ShipmentState_Name(expected.state));
  CHECK(v1::StateReason_Name(got.reason) == v1::StateReason_Name(expected.reason));
}

TEST_CASE("UPS crosswalk tables hold exactly UPS's published codes", "[ups][crosswalk]") {
  testing::CheckCrosswalk(UpsStatusCodeCrosswalk(), PublishedStatusCodes());
  testing::CheckCrosswalk(UpsCodeCrosswalk(), PublishedCodes());
  testing::CheckCrosswalk(UpsTypeCrosswalk(), PublishedTypes());
}

TEST_CASE("MapUpsStatus answers each published code as listed", "[ups][crosswalk]") {
  for (const PublishedCode& code : PublishedStatusCodes()) {
    INFO("statusCode " << code.code);
    // The three-digit code decides where the two-character code is not UPS's.
    CheckMapped(MapUpsStatus("I", "ZZ", code.code, ""), code);
  }
  for (const PublishedCode& code : PublishedCodes()) {
    INFO("code " << code.code);
    if (code.code.rfind("X/", 0) == 0) {
      CheckMapped(MapUpsStatus("X", code.code.substr(2), "", ""), code);
    } else {
      CheckMapped(MapUpsStatus("I", code.code, "", ""), code);
    }
  }
  for (const PublishedCode& type : PublishedTypes()) {
    INFO("type " << type.code);
    CheckMapped(MapUpsStatus(type.code, "", "", ""), type);
  }
}

TEST_CASE("UPS exception-table codes count only under type X", "[ups][crosswalk]") {
  // The same letters under another type are not the exception table's.
  for (const char* code : {"RP", "AC", "RS", "DY", "UR"}) {
    INFO(code);
    CHECK(MapUpsStatus("I", code, "", "").state == kTransit);
    CHECK(MapUpsStatus("X", code, "", "").state == kException);
  }
}

}  // namespace
}  // namespace trackenrich::adapters::ups
