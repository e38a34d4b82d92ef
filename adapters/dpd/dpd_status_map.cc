#include "adapters/dpd/dpd_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/reason_text.h"
#include "adapters/common/time_util.h"

namespace trackenrich::adapters::dpd {
namespace {

// statusInfo.status of ParcelLifeCycleService 2.0. DPD documents the
// service's request and response shape but publishes no list of the status
// values in any stored copy: searched the docs, code, pages and issues
// corpora ("DPD ParcelLifeCycleService getTrackingData statusInfo status
// values", "DPD parcel status codes list tracking scan codes", exact-string
// look-ups of "BetweenDepots" and "ReturningFromDelivery"); the only copies
// of the values are DPD's published BE sample response and integrations
// built from it (karrio's DPD connector). The rows are every status in that
// sample; a status outside them is read from its text (below).
constexpr CrosswalkRow kStatuses[] = {
    {"SHIPMENT", v1::SHIPMENT_STATE_LABEL_CREATED, {}, "Shipment data received (shipmentInfo)"},
    {"Accepted", v1::SHIPMENT_STATE_PICKED_UP, {}, "Parcel accepted by DPD"},
    {"PickedUp",
     v1::SHIPMENT_STATE_PICKED_UP,
     {},
     "Parcel handed to DPD: DPD has received your parcel"},
    {"BetweenDepots",
     v1::SHIPMENT_STATE_IN_TRANSIT,
     {},
     "In transit: the parcel is at the parcel dispatch centre"},
    {"Depot", v1::SHIPMENT_STATE_IN_TRANSIT, {}, "At parcel delivery centre"},
    {"Courier",
     v1::SHIPMENT_STATE_OUT_FOR_DELIVERY,
     {},
     "The parcel has left the parcel delivery centre and is on its way to the recipient"},
    {"DeliveryFailure",
     v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     {},
     "Unfortunately we have not been able to deliver your parcel (reason from the text)"},
    {"ReturningFromDelivery",
     v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED,
     {},
     "After an unsuccessful delivery attempt the parcel is back at the recipient depot (reason "
     "from the text)"},
    {"ParcelShop", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP,
     "Delivered by driver to Pickup parcelshop (waiting for the recipient)"},
    {"Delivered", v1::SHIPMENT_STATE_DELIVERED, {}, "Delivered"},
};

// Standard offsets in hours, by ISO country code.
struct Zone {
  absl::string_view countries;  // two letters each
  int standard_hours;
};
constexpr Zone kZones[] = {
    {"GBIEPT", 0},
    {"BGCYEEFIGRLTLVRO", 2},
};
constexpr int kDefaultStandardHours = 1;  // CET

}  // namespace

const Crosswalk& DpdStatusCrosswalk() {
  static const Crosswalk kTable{
      "DPD", "statusInfo.status (getTrackingData)",
      "DPD Web Services ParcelLifeCycleService 2.0 getTrackingData response "
      "(DPD's published BE sample response; karrio modules/connectors/dpd)",
      kStatuses};
  return kTable;
}

DpdStatus MapDpdStatus(absl::string_view status, absl::string_view description) {
  const absl::string_view key = absl::StripAsciiWhitespace(status);
  for (const CrosswalkRow& row : DpdStatusCrosswalk().rows) {
    if (!absl::EqualsIgnoreCase(row.code, key)) continue;
    DpdStatus mapped{row.state, row.reason};
    if (mapped.state == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED) {
      mapped.reason = ReasonFromText(description);
    }
    return mapped;
  }
  // A status outside the table: its description decides, as DHL's free text
  // does (a return, then a delay, else still moving).
  const std::string lower = absl::AsciiStrToLower(description);
  if (absl::StrContains(lower, "return")) {
    return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  if (absl::StrContains(lower, "delay")) {
    // ReasonFromText finds at least "delay" (CARRIER_DELAY), or a cause it names.
    return {v1::SHIPMENT_STATE_DELAYED, ReasonFromText(description)};
  }
  return {v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED};
}

int DpdUtcOffset(absl::string_view country_code, absl::CivilSecond wall) {
  int standard_hours = kDefaultStandardHours;
  const std::string country = absl::AsciiStrToUpper(country_code);
  if (country.size() == 2) {
    for (const Zone& zone : kZones) {
      for (size_t i = 0; i + 1 < zone.countries.size(); i += 2) {
        if (zone.countries.substr(i, 2) == country) standard_hours = zone.standard_hours;
      }
    }
  }
  return EuropeanUtcOffset(standard_hours, wall);
}

}  // namespace trackenrich::adapters::dpd
